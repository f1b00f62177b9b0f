using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// `ticket grant --scope s --duration d -- &lt;cmd&gt;`: mint, run the command under supervision
/// (masked output, forwarded signals, stopped at expiry), then end the lease and run the revoke
/// command. The exit code is the command's, or 124 when the grant expired under it (as timeout(1) does).
/// </summary>
public static class GrantRunUseCase
{
    public const int ExpiredExitCode = 124;

    /// <param name="command">The command as typed: its program is found in <paramref name="directory"/> or on PATH before anything is minted.</param>
    /// <param name="directory">Where the command runs.</param>
    public static Reply Run(Workspace workspace, IGrantConsole console, string? scopeName, string? durationText, IReadOnlyList<string> command, string directory)
    {
        var scope = GrantTerms.Scope(GrantPolicy.Config(workspace, scopeName), scopeName, durationText);
        var duration = GrantTerms.Duration(scope, durationText, command);
        var program = CommandLocator.Find(command[0], directory, Environment.GetEnvironmentVariable("PATH"), out var problem)
            ?? throw DialtoneError.Usage($"Cannot run the command: {problem}. Nothing was minted.", GrantTerms.Usage);

        var live = new LiveReply(console);
        using var signals = new GrantSignals();
        var grant = GrantIssue.Issue(workspace, scope, duration, LeaseModes.Run, command, signals);
        var lease = grant.Lease;
        live.Reply.Set("grant", () => LeaseJson.Of(lease, workspace.Now()));
        live.Say(Tag.Auth, $"Temporary API key granted for {GrantDuration.Text(lease.ExpiresAt - lease.IssuedAt)} (grant #{lease.Id}, scope '{scope.Name}'{(grant.ShortenedByMint ? ", shortened to the mint command's expiry" : "")}).");
        live.Say(Tag.Env, $"{scope.Env} exported to the command's environment.");
        live.Say(Tag.Warn, $"Key will automatically expire at {GrantText.At(lease.ExpiresAt)}.");
        live.Say(Tag.Ticket, $"Running `{TicketText.OneLine(lease.Command ?? "")}`: its output is masked, and it is stopped if it is still running at expiry.");

        var outcome = GrantSupervision.Run(workspace, live, scope, grant, [program, .. command.Skip(1)], directory, signals);
        var claimed = GrantEnding.Close(workspace, lease, outcome);
        GrantEnding.Report(workspace, live, scope, lease, outcome);
        GrantEnding.Revoke(workspace, live, scope, grant, claimed, outcome.Expired ? "expired" : "finished");

        var reply = live.Reply;
        if (outcome.Expired)
        {
            var longer = duration * 2 <= scope.MaxDuration ? duration * 2 : scope.MaxDuration;
            if (duration >= scope.MaxDuration)
            {
                reply.Add(Tag.Message, $"Scope '{scope.Name}' allows at most {GrantDuration.Compact(scope.MaxDuration)} per grant: split the work if it needs longer.");
            }

            reply.Fail(ExpiredExitCode, $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(longer)} -- {ShellWords.OneLineOr(lease.Command ?? "", "<command>")}");
        }
        else if (outcome.ExitCode != 0)
        {
            reply.Fail(outcome.ExitCode, $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(duration)} -- {ShellWords.OneLineOr(lease.Command ?? "", "<command>")}");
        }

        return reply;
    }
}
