using Dialtone.Core.Config;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Git;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Runs;

/// <summary>
/// Runs one subtask's test for `next`, `test` and `validate`: snapshot tree before, the command through the
/// shell in the repository root, snapshot tree after, and the idempotency verdict. It touches no
/// store: the caller records the run, with the store lock not held while this runs. The ticket's
/// session grants go into the test's environment (it is stopped when the first expires), and the
/// output is masked for every secret within reach before anyone stores or prints it (docs/grants.md).
/// </summary>
public static class TestExecution
{
    public static TestRun Run(GitRepository repository, Ticket ticket, Subtask subtask, string kind, DialtoneConfig config, TimeProvider time)
    {
        var command = subtask.TestCommand ?? throw new InvalidOperationException($"subtask '{subtask.Name}' has no test command");
        var startedAt = Clock.Now(time);
        var before = SnapshotTree.Compute(repository);
        var session = TicketSession.Load(StorePaths.ForCommonDir(repository.CommonDir), ticket.Name, Clock.Now(time));
        var timeout = TimeSpan.FromSeconds(config.TestTimeoutSeconds);
        var untilExpiry = session.ExpiresAt - Clock.Now(time);
        var boundByGrant = untilExpiry < timeout;
        var environment = new Dictionary<string, string?>(session.Environment(), StringComparer.Ordinal)
        {
            ["DIALTONE_TICKET"] = ticket.Name,
            ["DIALTONE_SUBTASK"] = subtask.Name,
            ["DIALTONE_RUN_KIND"] = kind,
        };
        Announce(session);
        var shell = ShellRunner.Run(command, repository.TopLevel, boundByGrant ? untilExpiry!.Value : timeout, environment, Path.Combine(repository.CommonDir, "dialtone", "running"));
        if (session.Cookie is { } cookie)
        {
            // What the test left running still holds the secrets: the grant reaches no further than the run.
            ProcessTree.Stop(null, cookie, GrantScope.DefaultGrace);
        }

        if (shell.TimedOut && boundByGrant)
        {
            GrantNotices.Add(Tag.Warn, $"The test of '{subtask.Name}' was stopped at {GrantText.At(session.ExpiresAt!.Value)}, when {TicketSession.Describe(session.Live.Where(g => g.ExpiresAt == session.ExpiresAt))} expired under it.");
        }

        var after = SnapshotTree.Compute(repository);

        // The output goes to the store and the terminal: every secret within reach is masked here,
        // whether the session gave it or an enclosing `ticket grant … -- <cmd>` (the digest stays of the raw bytes).
        var output = session.Mask.Apply(shell.Output);
        var (touched, untracked) = IdempotencyProbe.Classify(repository, before, after);

        return new TestRun
        {
            Ticket = ticket.Name,
            Subtask = subtask.Name,
            Kind = kind,
            Command = command,
            ExitCode = shell.ExitCode,
            TimedOut = shell.TimedOut,
            DurationMs = shell.DurationMs,
            TreeBefore = before,
            TreeAfter = after,
            Passed = shell.ExitCode == 0 && !shell.TimedOut && touched.Count == 0,
            Touched = touched,
            LeftUntracked = untracked,
            Output = output,
            OutputDigest = shell.OutputDigest,
            OutputBytes = shell.OutputBytes,
            StartedAt = startedAt,
        };
    }

    /// <summary>Says what the test gets from the ticket session, and what it no longer gets.</summary>
    private static void Announce(TicketSession session)
    {
        if (session.Live.Count > 0)
        {
            GrantNotices.Add(Tag.Env, $"{TicketSession.Describe(session.Live)} from the ticket session set for the test run, until {GrantText.At(session.ExpiresAt!.Value)}; its output is masked.");
        }

        foreach (var expired in session.Expired)
        {
            GrantNotices.Add(Tag.Warn, $"Grant #{expired.Lease} ({expired.Variable}) expired at {GrantText.At(expired.ExpiresAt)}: the test ran without it.");
        }
    }

    /// <summary>The last <paramref name="lines"/> lines of the output, for the terminal.</summary>
    public static IEnumerable<string> Tail(string output, int lines)
    {
        var all = output.TrimEnd('\n', '\r').Split('\n');
        return all.Length == 1 && all[0].Length == 0 ? [] : all.Skip(Math.Max(0, all.Length - lines));
    }
}
