using Dialtone.Core.Workflow;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// The record's last validation: there, passed, covering every subtask, and made at HEAD's tree
/// (`.dialtone/` excluded), so that what was validated is what is merged.
/// </summary>
public static class ValidationCheck
{
    private const string Fix = "validate the ticket at its final tree and commit the record: ./dialtone.sh ticket validate, then git commit.";

    private static readonly string Action = $"{NextStep.Cli} ticket validate";

    public static void Run(GitRepository repository, TicketRecord record, string headTree, VerifyReport report)
    {
        if (record.Subtasks.Count == 0)
        {
            report.Add(VerifyCheck.Fail("validation", "validation: the ticket has no subtasks: nothing was signed, nothing is tested.", "add the subtasks that prove the work, run, sign and validate them, and commit the record.", $"{NextStep.Cli} ticket subtask add <subtask-name> --desc \"<goal>\" --condition \"<objective check>\" --test \"<idempotent command>\""));
            return;
        }

        if (record.Validation is not { } v)
        {
            report.Add(VerifyCheck.Fail("validation", "validation: the record has no validation: nothing says every test passed at the final tree.", Fix, Action));
            return;
        }

        var failed = false;
        if (!v.Passed)
        {
            failed = Fail(report, "validation: the last validation failed.");
        }
        else if (!RecordVerifier.ValidationCovers(record))
        {
            var missing = record.Subtasks.Where(s => !v.Results.Exists(r => r.Subtask == s.Name && r.Passed && r.ExitCode == 0)).Select(s => $"'{s.Name}'").ToList();
            var extra = v.Results.Where(r => !record.Subtasks.Exists(s => s.Name == r.Subtask)).Select(r => $"'{Core.Tickets.Names.Printable(r.Subtask, 64)}'").ToList();
            var what = new List<string>();
            if (missing.Count > 0)
            {
                what.Add($"no passing result for {string.Join(", ", missing)}");
            }

            if (extra.Count > 0)
            {
                what.Add($"results for {string.Join(", ", extra)}, which {(extra.Count == 1 ? "is not a subtask" : "are not subtasks")}");
            }

            failed = Fail(report, $"validation: the last validation does not cover every subtask ({v.Results.Count} result{VerifyReport.Plural(v.Results.Count)} for {record.Subtasks.Count} subtask{VerifyReport.Plural(record.Subtasks.Count)}): {string.Join("; ", what)}.");
        }

        if (v.Tree != headTree)
        {
            failed = Fail(report, $"validation: the last validation was made at tree {VerifyReport.Short(v.Tree)}, but HEAD's tree (.dialtone/ excluded) is {VerifyReport.Short(headTree)}{Changed(repository, v.Tree, headTree)}: the work changed after it was validated.");
        }

        if (!failed)
        {
            report.Add(VerifyCheck.Pass("validation", $"validation: passed at HEAD's tree {VerifyReport.Short(headTree)}, covering all {record.Subtasks.Count} subtask{VerifyReport.Plural(record.Subtasks.Count)}."));
        }
    }

    private static bool Fail(VerifyReport report, string text)
    {
        report.Add(VerifyCheck.Fail("validation", text, Fix, Action));
        return true;
    }

    /// <summary>The paths that differ, when this clone has the validated tree (a snapshot tree is often only in the agent's repository).</summary>
    private static string Changed(GitRepository repository, string validated, string head)
    {
        if (!IsObjectId(validated))
        {
            return "";
        }

        try
        {
            var changes = SnapshotTree.Diff(repository, validated, head);
            return changes.Count == 0 ? "" : $"; changed: {Loop.RunReport.Paths([.. changes.Select(c => c.Path)])}";
        }
        catch (GitCommandException)
        {
            return "";
        }
    }

    private static bool IsObjectId(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);
}
