using Dialtone.Core.Config;
using Dialtone.Core.Grants;
using Dialtone.Core.Tickets;
using Dialtone.Git;

namespace Dialtone.Core.Runs;

/// <summary>
/// Runs one subtask's test for `next`, `test` and `validate`: snapshot tree before, the command through the
/// shell in the repository root, snapshot tree after, and the idempotency verdict. It touches no
/// store: the caller records the run, with the store lock not held while this runs.
/// </summary>
public static class TestExecution
{
    public static TestRun Run(GitRepository repository, Ticket ticket, Subtask subtask, string kind, DialtoneConfig config, TimeProvider time)
    {
        var command = subtask.TestCommand ?? throw new InvalidOperationException($"subtask '{subtask.Name}' has no test command");
        var startedAt = Clock.Now(time);
        var before = SnapshotTree.Compute(repository);
        var shell = ShellRunner.Run(
            command,
            repository.TopLevel,
            TimeSpan.FromSeconds(config.TestTimeoutSeconds),
            new Dictionary<string, string?>
            {
                ["DIALTONE_TICKET"] = ticket.Name,
                ["DIALTONE_SUBTASK"] = subtask.Name,
                ["DIALTONE_RUN_KIND"] = kind,
            },
            Path.Combine(repository.CommonDir, "dialtone", "running"));
        var after = SnapshotTree.Compute(repository);

        // Inside `ticket grant … -- <cmd>` the supervisor masks what reaches the terminal, but this
        // output goes to the store: mask the granted secrets here too (the digest stays of the raw bytes).
        var grants = InheritedGrants.FromEnvironment();
        var output = grants.Count == 0 ? shell.Output : InheritedGrants.Mask(shell.Output, grants);
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

    /// <summary>The last <paramref name="lines"/> lines of the output, for the terminal.</summary>
    public static IEnumerable<string> Tail(string output, int lines)
    {
        var all = output.TrimEnd('\n', '\r').Split('\n');
        return all.Length == 1 && all[0].Length == 0 ? [] : all.Skip(Math.Max(0, all.Length - lines));
    }
}
