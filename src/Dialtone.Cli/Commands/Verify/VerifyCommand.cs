using System.CommandLine;
using Dialtone.Core.UseCases.Verify;

namespace Dialtone.Cli.Commands.Verify;

/// <summary>
/// `dialtone verify [--base &lt;ref&gt;] [--prove-red] [--summary &lt;file&gt;] [--ticket &lt;t&gt;]`: the CI check
/// that re-runs what the ticket's record claims, from the record and git alone. Exit 0 every claim
/// holds, 1 one does not, 2 bad input (no ticket named on a detached HEAD, a base that is not here).
/// </summary>
public static class VerifyCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var baseRef = new Option<string?>("--base") { Description = "The branch or commit the ticket merges into (default: the record's base branch, as origin/<branch> too).", HelpName = "ref" };
        var proveRed = new Option<bool>("--prove-red") { Description = "Also run every test at the merge-base and fail those that already pass there." };
        var summary = new Option<string?>("--summary") { Description = "Append a Markdown summary to this file (e.g. \"$GITHUB_STEP_SUMMARY\").", HelpName = "file" };
        var ticket = new Option<string?>("--ticket") { Description = "The ticket to verify (default: DIALTONE_TICKET, the branch, the CI's branch variable, HEAD's Dialtone-Ticket trailer).", HelpName = "ticket" };
        var command = new Command("verify", "Re-check every claim of the ticket's record on a clean checkout (CI): exit 0 all hold, 1 one does not.") { baseRef, proveRed, summary, ticket };
        Handler.Set(command, globals, "verify", context => VerifyUseCase.Run(context.Workspace, new VerifyRequest(
            context.Value(ticket),
            context.Value(baseRef),
            context.Value(proveRed),
            context.Value(summary) is { Length: > 0 } file ? Path.GetFullPath(file) : null)));
        return command;
    }
}
