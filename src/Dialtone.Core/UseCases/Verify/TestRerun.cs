using System.Globalization;
using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.Runs;
using Dialtone.Core.Workflow;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// Re-runs every subtask's signed test command the way the loop runs tests (ShellRunner: the
/// shell, the repository root, the configured timeout, output bounded and digested): at HEAD it
/// must pass and touch nothing; with `--prove-red`, at the merge-base in a temporary worktree, it
/// must not pass (a test that passes without the work does not test it).
/// </summary>
public static class TestRerun
{
    /// <summary>The command a subtask was signed with, when it is still the subtask's test; else why not.</summary>
    public static (string? Command, string? Problem) SignedCommand(TicketRecord record, RecordSubtask subtask)
    {
        var signature = record.Attestations.FindLast(a => a.Subtask == subtask.Name);
        if (signature is null)
        {
            return (null, "it was never signed, so there is no signed test command to re-run");
        }

        return signature.Command == subtask.Test
            ? (signature.Command, null)
            : (null, $"it was signed with `{OneLine(signature.Command)}`, but its test is now `{OneLine(subtask.Test ?? "(none)")}`");
    }

    /// <summary>Runs each subtask's signed test at HEAD in the (clean) work tree.</summary>
    public static void AtHead(GitRepository repository, TicketRecord record, string head, DialtoneConfig config, SecretMask mask, VerifyReport report)
    {
        var timeout = TimeSpan.FromSeconds(config.TestTimeoutSeconds);
        var left = new HashSet<StatusEntry>();
        foreach (var subtask in record.Subtasks)
        {
            var name = $"test {subtask.Name}";
            var (command, problem) = SignedCommand(record, subtask);
            if (command is null)
            {
                report.Tests.Add(new VerifiedTest(subtask.Name, subtask.Test));
                report.Add(VerifyCheck.Fail(name, $"test '{subtask.Name}': {problem}.", "run the subtask's test and sign it, then validate and commit the record.", $"{NextStep.Cli} ticket next"));
                continue;
            }

            var shell = ShellRunner.Run(command, repository.TopLevel, timeout, Environment(record, subtask, "verify"));
            var state = repository.WorkTreeStatus();
            if (state.Head != head)
            {
                // A test that commits, resets or checks out would have the tests after it run on other code.
                report.Tests.Add(Result(subtask.Name, command, shell, mask, config.TestTailLines) with { Passed = false });
                report.Add(VerifyCheck.Fail(
                    name,
                    $"test '{subtask.Name}': `{OneLine(command)}` moved HEAD from {VerifyReport.Short(head)} to {VerifyReport.Short(state.Head)}; the tests after it were not run.",
                    "a test must not commit, reset or check out: make it leave git alone, then sign and validate it again.",
                    $"{NextStep.Cli} ticket subtask edit {subtask.Name} --test \"<a command that leaves git alone>\""));
                return;
            }

            var after = Changes(state);
            var fresh = after.Where(e => !left.Contains(e)).ToList();
            var ranAfterOthers = left.Count > 0;
            left.UnionWith(after);
            var test = Result(subtask.Name, command, shell, mask, config.TestTailLines) with
            {
                Touched = [.. fresh.Where(e => !e.IsUntracked).Select(e => e.Path)],
                LeftUntracked = [.. fresh.Where(e => e.IsUntracked).Select(e => e.Path)],
            };
            test = test with { Passed = test.Passed && test.Touched.Count == 0 && test.LeftUntracked.Count == 0 };
            report.Tests.Add(test);
            if (test.Passed)
            {
                report.Add(VerifyCheck.Pass(name, $"test '{subtask.Name}': `{OneLine(command)}` passed at HEAD in {Duration(test.DurationMs)}, touching nothing{(ranAfterOthers ? " (after an earlier test changed the work tree)" : "")}."));
                continue;
            }

            report.Add(VerifyCheck.Fail(
                name,
                $"test '{subtask.Name}': `{OneLine(command)}` {Outcome(test, config)} at HEAD{Touches(test)}.",
                "a signed test must pass again at HEAD and touch nothing: fix the work or the test, sign and validate again (./dialtone.sh ticket next, SIGN, ticket validate), and commit the record.",
                $"{NextStep.Cli} ticket test") with { Output = test.OutputTail });
        }
    }

    /// <summary>Runs each signed test at the merge-base, in a temporary worktree that is removed afterwards whatever happens.</summary>
    public static void AtBase(GitRepository repository, TicketRecord record, string mergeBase, DialtoneConfig config, SecretMask mask, VerifyReport report)
    {
        var timeout = TimeSpan.FromSeconds(config.TestTimeoutSeconds);
        var directory = Path.Combine(Path.GetTempPath(), $"dialtone-verify-{Guid.NewGuid():N}");
        try
        {
            repository.AddDetachedWorktree(directory, mergeBase);
            for (var i = 0; i < report.Tests.Count; i++)
            {
                var atHead = report.Tests[i];
                var subtask = record.Subtasks.Find(s => s.Name == atHead.Subtask)!;
                var (command, _) = SignedCommand(record, subtask);
                if (command is null)
                {
                    continue;
                }

                var shell = ShellRunner.Run(command, directory, timeout, Environment(record, subtask, "verify-base"));
                var atBase = Result(subtask.Name, command, shell, mask, config.TestTailLines);
                report.Tests[i] = atHead with { AtBase = atBase };
                var name = $"prove-red {subtask.Name}";
                if (atBase.Passed)
                {
                    report.Add(VerifyCheck.Fail(
                        name,
                        $"prove-red '{subtask.Name}': `{OneLine(command)}` already passes at the merge-base {VerifyReport.Short(mergeBase)}, without the ticket's work: it does not test the work.",
                        "make the test check what the ticket adds, so that it fails without the work; then run it, sign and validate again.",
                        $"{NextStep.Cli} ticket subtask edit {subtask.Name} --test \"<a command that fails without the work>\""));
                }
                else
                {
                    report.Add(VerifyCheck.Pass(name, $"prove-red '{subtask.Name}': `{OneLine(command)}` {Outcome(atBase, config)} at the merge-base {VerifyReport.Short(mergeBase)}: it tests the work."));
                }
            }
        }
        finally
        {
            repository.RemoveWorktree(directory);
        }
    }

    private static VerifiedTest Result(string subtask, string command, ShellResult shell, SecretMask mask, int tailLines) => new(subtask, command)
    {
        Ran = true,
        ExitCode = shell.ExitCode,
        TimedOut = shell.TimedOut,
        DurationMs = shell.DurationMs,
        Passed = shell.ExitCode == 0 && !shell.TimedOut,
        OutputDigest = shell.OutputDigest,

        // Tail first, then mask: a secret never spans lines, and masking 20 lines is cheaper than 512 KiB.
        OutputTail = [.. TestExecution.Tail(mask.Apply(string.Join('\n', TestExecution.Tail(shell.Output, tailLines))), tailLines)],
    };

    /// <summary>What the work tree shows changed outside `.dialtone/`; the work tree started clean, so all of it is the tests'.</summary>
    private static List<StatusEntry> Changes(WorkTreeState state) =>
        [.. state.Entries.Where(e => !e.Path.StartsWith(SnapshotTree.BookkeepingDirectory + "/", StringComparison.Ordinal))];

    private static Dictionary<string, string?> Environment(TicketRecord record, RecordSubtask subtask, string kind) => new()
    {
        ["DIALTONE_TICKET"] = record.Ticket,
        ["DIALTONE_SUBTASK"] = subtask.Name,
        ["DIALTONE_RUN_KIND"] = kind,
    };

    private static string Outcome(VerifiedTest test, DialtoneConfig config) =>
        test.TimedOut
            ? $"was stopped at the {config.TestTimeoutSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s timeout (test.timeoutSeconds)"
            : test.ExitCode == 0 ? $"exited 0 in {Duration(test.DurationMs)}" : $"failed (exit {test.ExitCode}) in {Duration(test.DurationMs)}";

    private static string Touches(VerifiedTest test)
    {
        var parts = new List<string>();
        if (test.Touched.Count > 0)
        {
            parts.Add($"; it modified, deleted or created tracked files: {Loop.RunReport.Paths(test.Touched)}");
        }

        if (test.LeftUntracked.Count > 0)
        {
            parts.Add($"; it left new untracked files: {Loop.RunReport.Paths(test.LeftUntracked)}");
        }

        return string.Concat(parts);
    }

    private static string Duration(long ms) => Loop.RunReport.Duration(ms);

    private static string OneLine(string text) => TicketText.OneLine(text, 120);
}
