using System.Globalization;
using System.Text;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// `ticket grant --scope s --duration d` without a command: export lines on stdout for
/// `eval "$(…)"`. Nothing can enforce the expiry of a variable in someone's shell, and this says so;
/// the lease is recorded and revoked at the first dialtone command after it expires.
/// </summary>
public static class GrantEvalMode
{
    public static Reply Run(Workspace workspace, GrantConsole console, GrantScope scope, TimeSpan duration, ExportShell shell)
    {
        IssuedGrant grant;
        using (var signals = new GrantSignals())
        {
            grant = GrantIssue.Issue(workspace, scope, duration, "eval", null, signals);
        }

        var lease = grant.Lease;
        var now = DateTimeOffset.UtcNow;
        var script = new StringBuilder()
            .Append(ShellExport.Line(shell, scope.Env, grant.Secret)).Append('\n')
            .Append(ShellExport.Line(shell, GrantEnvironment.ExpiresAt, GrantEnvironment.Time(lease.ExpiresAt))).Append('\n')
            .Append(ShellExport.Line(shell, GrantEnvironment.Id, lease.Id.ToString(CultureInfo.InvariantCulture))).Append('\n')
            .ToString();
        GrantConsole.WriteStdout(script);

        var reply = console.Reply;
        reply.Set("grant", () => LeaseJson.Of(lease, DateTimeOffset.UtcNow));
        reply.Set("shell", () => shell.ToString().ToLowerInvariant());
        var expiry = GrantText.LocalTime(lease.ExpiresAt, now);
        console.Add(Tag.Auth, $"Temporary API key granted for {GrantDuration.Text(lease.ExpiresAt - lease.IssuedAt)} (grant #{lease.Id}, scope '{scope.Name}'{(grant.ShortenedByMint ? ", shortened to the mint command's expiry" : "")}).");
        console.Add(Tag.Env, $"{scope.Env} exported to current session: the export lines are on stdout for eval ({shell.ToString().ToLowerInvariant()}).");
        console.Add(Tag.Warn, $"Key will automatically expire at {expiry}.");
        console.Add(Tag.Warn, scope.Revoke is null
            ? $"Without `-- <command>` the expiry is advisory: nothing stops this shell from using {scope.Env} after {expiry}, and scope '{scope.Name}' has no revoke command, so the key lives until its issuer expires it. `-- <command>` enforces the expiry."
            : $"Without `-- <command>` the expiry is advisory: nothing stops this shell from using {scope.Env} after {expiry}. The key is revoked at the first dialtone command after that (or now: {NextStep.Cli} ticket grant revoke {lease.Id}). `-- <command>` enforces the expiry.");
        return reply;
    }
}
