using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// `ticket grant --scope s --duration d` without a command: the secret goes to the ticket's session,
/// not to the terminal. Every command Dialtone runs for the ticket until expiry — the test runs of
/// `ticket next`, `test` and `validate`, and `dialtone run -- &lt;cmd&gt;` — gets the variable, with its
/// output masked. Nothing is printed that a transcript could keep (docs/grants.md).
/// </summary>
public static class GrantSessionUseCase
{
    /// <param name="shellName">--shell, which only shapes --print-export's lines: said, not used.</param>
    public static Reply Run(Workspace workspace, string? scopeName, string? durationText, string? shellName)
    {
        var scope = GrantTerms.Scope(GrantPolicy.Config(workspace, scopeName), scopeName, durationText);
        var duration = GrantTerms.Duration(scope, durationText, []);
        IssuedGrant grant;
        using (var signals = new GrantSignals())
        {
            grant = GrantIssue.Issue(workspace, scope, duration, LeaseModes.Session, null, signals);
        }

        var lease = grant.Lease;
        var reply = new Reply();
        reply.Set("grant", () => LeaseJson.Of(lease, workspace.Now()));
        Header(reply, grant, scope, $"{scope.Env} exported to the ticket session: ticket next, test, validate and dialtone run get it until {GrantText.At(lease.ExpiresAt)}.");
        reply.Add(Tag.Ticket, $"Nothing was printed: the secret waits in a file only you can read, and Dialtone masks it in everything it prints or stores while the grant lives. Run any other command with it: {NextStep.Cli} run -- <command>");
        if (shellName is not null)
        {
            reply.Add(Tag.Tip, "--shell only shapes the lines of --print-export, which is for a person's own terminal; the session form prints none.");
        }

        return reply;
    }

    /// <summary>The lines the seed's form and --print-export share: what was granted, where it went, when it ends, who revokes it.</summary>
    internal static void Header(Reply reply, IssuedGrant grant, GrantScope scope, string where)
    {
        var lease = grant.Lease;
        reply.Add(Tag.Auth, $"Temporary API key granted for {GrantDuration.Text(lease.ExpiresAt - lease.IssuedAt)} (grant #{lease.Id}, scope '{scope.Name}'{(grant.ShortenedByMint ? ", shortened to the mint command's expiry" : "")}).");
        reply.Add(Tag.Env, where);
        reply.Add(Tag.Warn, $"Key will automatically expire at {GrantText.At(lease.ExpiresAt)}.");
        reply.Add(scope.Revoke is null ? Tag.Warn : Tag.Ticket, scope.Revoke is null
            ? $"At expiry the ticket session drops it, but scope '{scope.Name}' has no revoke command: the key stays valid at its issuer until the issuer expires it."
            : $"At expiry the ticket session drops it, and its revoke command runs at the first dialtone command after that; to end it now: {NextStep.Cli} ticket grant revoke {lease.Id}");
    }
}
