using System.Globalization;
using System.Text;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Signing;
using Dialtone.Core.Workflow;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// `ticket grant --scope s --duration d --print-export`: the session grant, plus export lines for a
/// person's own shell. Only to a terminal — captured output (an agent's transcript, a pipe, a file)
/// would keep the secret — and recorded on the ticket as evidence `printed-export` before the secret
/// is printed, so a reviewer sees it. Nothing can take the variable back from that shell at expiry.
/// </summary>
public static class GrantExportUseCase
{
    /// <param name="shellName">--shell; null: the shell $SHELL names.</param>
    public static Reply Run(Workspace workspace, IGrantConsole console, string? scopeName, string? durationText, string? shellName)
    {
        var scope = GrantTerms.Scope(GrantPolicy.Config(workspace, scopeName), scopeName, durationText);
        var duration = GrantTerms.Duration(scope, durationText, []);
        var session = $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(duration)}";
        var shell = shellName is null
            ? ShellExport.FromEnvironment(Environment.GetEnvironmentVariable("SHELL"))
            : ShellExport.Parse(shellName) ?? throw DialtoneError.Usage(
                $"Unknown shell '{Core.Tickets.Names.Printable(shellName)}': use one of {ShellExport.Names}.",
                $"{session} --print-export --shell bash");
        if (!console.StdoutIsTerminal)
        {
            throw DialtoneError.Usage(
                "--print-export prints the secret, and stdout is not a terminal: whatever captures it (an agent's transcript, a pipe, a file, a --json reader) would keep it. Nothing was minted. The session form gives it to the ticket's test runs and dialtone run without printing it.",
                session);
        }

        IssuedGrant grant;
        using (var signals = new GrantSignals())
        {
            grant = GrantIssue.Issue(workspace, scope, duration, LeaseModes.Export, null, signals);
        }

        var lease = grant.Lease;
        var shellText = shell.ToString().ToLowerInvariant();
        try
        {
            RecordEvidence(workspace, lease, shellText);
        }
        catch
        {
            // Printed without a trace on the ticket is what this opt-in must never be.
            GrantIssue.RevokeAfterFailure(workspace, lease);
            throw;
        }

        var script = new StringBuilder()
            .Append(ShellExport.Line(shell, scope.Env, grant.Secret)).Append('\n')
            .Append(ShellExport.Line(shell, GrantEnvironment.ExpiresAt, GrantEnvironment.Time(lease.ExpiresAt))).Append('\n')
            .Append(ShellExport.Line(shell, GrantEnvironment.Id, lease.Id.ToString(CultureInfo.InvariantCulture))).Append('\n')
            .Append(ShellExport.Line(shell, GrantEnvironment.Variable, InheritedGrants.Append(Environment.GetEnvironmentVariable(GrantEnvironment.Variable), scope.Env))).Append('\n')
            .ToString();
        console.Stdout.Write(Encoding.UTF8.GetBytes(script));
        console.Stdout.Flush();

        var reply = new Reply();
        reply.Set("grant", () => LeaseJson.Of(lease, workspace.Now()));
        reply.Set("shell", () => shellText);
        GrantSessionUseCase.Header(reply, grant, scope, $"{scope.Env} printed above as export lines ({shellText}) for your shell, and exported to the ticket session: ticket next, test, validate and dialtone run get it until {GrantText.At(lease.ExpiresAt)}.");
        reply.Add(Tag.Warn, $"A shell that runs these lines keeps {scope.Env} after {GrantText.At(lease.ExpiresAt)}: nothing can take it back from there. Recorded on ticket '{lease.Ticket}' as evidence 'printed-export'.");
        return reply;
    }

    private static void RecordEvidence(Workspace workspace, Lease lease, string shell)
    {
        using var store = workspace.OpenStore();
        var ticket = workspace.FindTicket(store, lease.Ticket)
            ?? throw DialtoneError.Environment($"Ticket '{lease.Ticket}' is no longer in the store; the printed export could not be recorded, so nothing was printed.");
        var detail = $"grant #{lease.Id.ToString(CultureInfo.InvariantCulture)}: {lease.EnvVar} of scope '{lease.Scope}' printed as export lines ({shell}) to a terminal by {lease.IssuedBy}, "
            + $"valid until {GrantEnvironment.Time(lease.ExpiresAt)}; fingerprint {lease.Fingerprint?[..12]}";
        Chain.AddEvidence(ticket, EvidenceKinds.PrintedExport, detail, workspace.Now());
        workspace.Save(store, ticket);
    }
}
