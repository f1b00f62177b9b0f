using System.Globalization;
using System.Text;
using Dialtone.Core.Config;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// `ticket grant --scope s --duration d` without a command: export lines on stdout for
/// `eval "$(…)"`. Nothing can enforce the expiry of a variable in someone's shell, and this says so;
/// the lease is recorded and revoked at the first dialtone command after it expires.
/// </summary>
public static class GrantExportUseCase
{
    /// <param name="shellName">--shell; null: the shell $SHELL names.</param>
    public static Reply Run(Workspace workspace, IGrantConsole console, string? scopeName, string? durationText, string? shellName)
    {
        var scope = GrantTerms.Scope(DialtoneConfig.Load(workspace.Repository.TopLevel), scopeName, durationText);
        var duration = GrantTerms.Duration(scope, durationText, []);
        var again = $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(duration)}";
        var shell = shellName is null
            ? ShellExport.FromEnvironment(Environment.GetEnvironmentVariable("SHELL"))
            : ShellExport.Parse(shellName) ?? throw DialtoneError.Usage(
                $"Unknown shell '{Core.Tickets.Names.Printable(shellName)}': use one of {ShellExport.Names}.",
                $"eval \"$({again} --shell bash)\"");
        if (console.StdoutIsTerminal)
        {
            // Printed to a terminal, the secret would sit in its scrollback with nothing to use it.
            throw DialtoneError.Usage(
                "Without `-- <command>`, ticket grant prints the secret as export lines for eval, and stdout is a terminal. Nothing was minted.",
                $"eval \"$({again})\"   (or: {again} -- <command>)");
        }

        IssuedGrant grant;
        using (var signals = new GrantSignals())
        {
            grant = GrantIssue.Issue(workspace, scope, duration, "eval", null, signals);
        }

        var lease = grant.Lease;
        var script = new StringBuilder()
            .Append(ShellExport.Line(shell, scope.Env, grant.Secret)).Append('\n')
            .Append(ShellExport.Line(shell, GrantEnvironment.ExpiresAt, GrantEnvironment.Time(lease.ExpiresAt))).Append('\n')
            .Append(ShellExport.Line(shell, GrantEnvironment.Id, lease.Id.ToString(CultureInfo.InvariantCulture))).Append('\n')
            .ToString();
        console.Stdout.Write(Encoding.UTF8.GetBytes(script));
        console.Stdout.Flush();

        var live = new LiveReply(console);
        live.Reply.Set("grant", () => LeaseJson.Of(lease, workspace.Now()));
        live.Reply.Set("shell", () => shell.ToString().ToLowerInvariant());
        var expiry = GrantText.LocalTime(lease.ExpiresAt, workspace.Now());
        live.Say(Tag.Auth, $"Temporary API key granted for {GrantDuration.Text(lease.ExpiresAt - lease.IssuedAt)} (grant #{lease.Id}, scope '{scope.Name}'{(grant.ShortenedByMint ? ", shortened to the mint command's expiry" : "")}).");
        live.Say(Tag.Env, $"{scope.Env} exported to current session: the export lines are on stdout for eval ({shell.ToString().ToLowerInvariant()}).");
        live.Say(Tag.Warn, $"Key will automatically expire at {expiry}.");
        live.Say(Tag.Warn, scope.Revoke is null
            ? $"Without `-- <command>` the expiry is advisory: nothing stops this shell from using {scope.Env} after {expiry}, and scope '{scope.Name}' has no revoke command, so the key lives until its issuer expires it. `-- <command>` enforces the expiry."
            : $"Without `-- <command>` the expiry is advisory: nothing stops this shell from using {scope.Env} after {expiry}. The key is revoked at the first dialtone command after that (or now: {NextStep.Cli} ticket grant revoke {lease.Id}). `-- <command>` enforces the expiry.");
        return live.Reply;
    }
}
