using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;
using Dialtone.Git.Processes;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// The end of a supervised grant: the lease is closed in the store (unless `ticket grant revoke`
/// got there first), the reply says how the command ended, and the revoke command runs.
/// </summary>
internal static class GrantEnding
{
    /// <summary>Ends the lease with the command's exit code; false when someone else already ended it.</summary>
    public static bool Close(Workspace workspace, Lease lease, SupervisorOutcome outcome)
    {
        lease.Pid = outcome.Pid;
        lease.ExitCode = outcome.ExitCode;
        var reason = outcome.Expired ? "expired" : "finished";
        lease.RevokedAt = workspace.Now();
        lease.Reason = reason;

        // The grant ends with its command: no other dialtone command masks with it from now on, or finds it.
        SessionFiles.Remove(workspace.StorePaths, lease.Id);
        using var store = workspace.OpenStore();
        var claimed = store.InTransaction(() =>
        {
            var ended = store.Leases.Claim(lease.Id, reason, workspace.Now(), outcome.ExitCode);
            if (ended)
            {
                store.Journal.Log(lease.Ticket, "grant", null, $"grant #{lease.Id} ({lease.Scope}) ended: {Describe(outcome)}", workspace.Now());
            }

            return ended;
        });
        LeaseSweeper.NoteLeases(store);
        return claimed;
    }

    public static void Report(Workspace workspace, LiveReply live, GrantScope scope, Lease lease, SupervisorOutcome outcome)
    {
        if (outcome.Expired)
        {
            live.Say(Tag.Fail, $"Grant #{lease.Id} expired at {GrantText.At(lease.ExpiresAt)}: the command was stopped (SIGTERM, then SIGKILL after {GrantDuration.Text(scope.Grace)}) after {GrantText.Seconds(outcome.Elapsed)}.");
        }
        else if (outcome.ExitCode == 0)
        {
            live.Say(Tag.Ticket, $"Grant #{lease.Id}: the command exited 0 after {GrantText.Seconds(outcome.Elapsed)}.");
        }
        else
        {
            live.Say(Tag.Fail, $"Grant #{lease.Id}: the command {Describe(outcome)}.");
        }

        if (outcome.LeftoversStopped > 0)
        {
            live.Say(Tag.Warn, $"Stopped {outcome.LeftoversStopped} process{(outcome.LeftoversStopped == 1 ? "" : "es")} the command left running with {scope.Env}: the grant ends with the command.");
        }
    }

    public static void Revoke(Workspace workspace, LiveReply live, GrantScope scope, IssuedGrant grant, bool claimed, string reason)
    {
        var lease = grant.Lease;
        if (!claimed)
        {
            live.Say(Tag.Auth, $"Grant #{lease.Id} had already been revoked (ticket grant revoke) while the command ran.");
            return;
        }

        var (status, result) = Revocation.Run(lease, reason, workspace.Repository.TopLevel);
        lease.RevokeStatus = status;
        using (var store = workspace.OpenStore())
        {
            store.Leases.RecordRevoke(lease.Id, status);
        }

        if (result is null)
        {
            live.Say(Tag.Auth, $"Grant #{lease.Id} closed. Scope '{scope.Name}' has no revoke command: the key stays valid at its issuer until the issuer expires it.");
        }
        else if (result.Succeeded)
        {
            live.Say(Tag.Auth, $"{scope.Env} revoked (`{TicketText.OneLine(scope.Revoke!.Display)}` exited 0).");
        }
        else
        {
            live.Say(Tag.Warn, $"The revoke command failed ({result.Outcome(ToolRunner.DefaultTimeout)}): the key may stay valid until its issuer expires it.{GrantIssue.ErrorTail(result.Stderr, grant.Forms, scope.Env)}");
        }
    }

    private static string Describe(SupervisorOutcome outcome)
    {
        var signal = outcome.ForwardedSignal is { } forwarded ? $" ({NativeSignals.Name(forwarded)} forwarded to it)" : "";
        return outcome.Expired
            ? $"was stopped at expiry after {GrantText.Seconds(outcome.Elapsed)} (exit {outcome.ExitCode})"
            : $"exited {outcome.ExitCode} after {GrantText.Seconds(outcome.Elapsed)}{signal}";
    }
}
