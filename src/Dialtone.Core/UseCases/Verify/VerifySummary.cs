using System.Text;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// The Markdown `dialtone verify --summary &lt;file&gt;` appends for the pull request (GitHub's
/// `$GITHUB_STEP_SUMMARY`): a heading with the verdict, a table of the checks, the evidence for the
/// reviewer, and failing output in collapsed blocks. Built from the report alone, whose test output
/// is already masked; the record carries no secrets.
/// </summary>
public static class VerifySummary
{
    public static string Render(VerifyReport report)
    {
        var md = new StringBuilder();
        var ticket = report.Ticket is null ? "" : $" `{Code(report.Ticket)}`";
        var verdict = report.Error is not null ? "could not run" : report.NothingToVerify is not null ? "nothing to verify" : report.Passed ? "passed" : "failed";
        md.Append("## Dialtone verify").Append(ticket).Append(": ").Append(verdict).Append("\n\n");
        if ((report.Error ?? report.NothingToVerify) is { } why)
        {
            md.Append(Cell(why)).Append("\n\n");
            return md.ToString();
        }

        if (report.Head is not null)
        {
            md.Append("HEAD `").Append(VerifyReport.Short(report.Head)).Append('`');
            if (report.MergeBase is not null)
            {
                md.Append(", base `").Append(Code(report.BaseRef ?? "")).Append("` (merge-base `").Append(VerifyReport.Short(report.MergeBase))
                  .Append("`), ").Append(report.Commits.Count).Append(" commit").Append(VerifyReport.Plural(report.Commits.Count)).Append(" since");
            }

            md.Append(".\n\n");
        }

        if (report.Checks.Count > 0)
        {
            md.Append("| check | result | detail |\n|---|---|---|\n");
            foreach (var check in report.Checks)
            {
                var result = check.State switch
                {
                    CheckState.Pass => "pass",
                    CheckState.Warn => "warn",
                    _ => "**FAIL**",
                };
                var detail = check.State == CheckState.Fail && check.Fix is { } fix ? $"{check.Text} Fix: {fix}" : check.Text;
                md.Append("| ").Append(Cell(check.Name)).Append(" | ").Append(result).Append(" | ").Append(Cell(detail)).Append(" |\n");
            }

            md.Append('\n');
        }

        md.Append("### Evidence for the reviewer\n\n");
        if (report.Evidence.Count == 0)
        {
            md.Append("None: no gate was skipped, no commit went past the gate, no answer was relayed or self-given, no secret was printed.\n\n");
        }
        else
        {
            foreach (var e in report.Evidence)
            {
                md.Append("- #").Append(e.Seq).Append(" `").Append(Code(e.Kind)).Append("` ")
                  .Append(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append(" UTC: ")
                  .Append(Cell(e.Detail)).Append('\n');
            }

            md.Append('\n');
        }

        foreach (var check in report.Checks.Where(c => c.State == CheckState.Fail && c.Output.Count > 0))
        {
            var text = string.Join('\n', check.Output);
            var fence = new string('`', Math.Max(3, LongestRun(text, '`') + 1));
            md.Append("<details><summary>Output of ").Append(Cell(check.Name)).Append(" (last lines)</summary>\n\n")
              .Append(fence).Append("text\n").Append(text).Append('\n').Append(fence).Append("\n\n</details>\n\n");
        }

        return md.ToString();
    }

    /// <summary>Text for a table cell or a line: one line, no pipe or HTML that could break the table.</summary>
    private static string Cell(string text) => text
        .ReplaceLineEndings(" ")
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal);

    private static string Code(string text) => text.ReplaceLineEndings(" ").Replace("`", "'", StringComparison.Ordinal);

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
