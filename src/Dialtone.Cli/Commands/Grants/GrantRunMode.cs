using System.Globalization;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Workflow;
using Dialtone.Core;
using Dialtone.Git.Processes;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// `ticket grant … -- &lt;cmd&gt;`: mint, run the command under supervision (masked output, forwarded
/// signals, stopped at expiry), then end the lease and run the revoke command. The exit code is the
/// command's, or 124 when the grant expired under it (as timeout(1) does).
/// </summary>
public static class GrantRunMode
{
    public const int ExpiredExitCode = 124;

    public static Reply Run(Workspace workspace, GrantConsole console, GrantScope scope, TimeSpan duration, IReadOnlyList<string> program, IReadOnlyList<string> typed, string workingDirectory)
    {
        using var signals = new GrantSignals();
        var grant = GrantIssue.Issue(workspace, scope, duration, "run", typed, signals);
        var lease = grant.Lease;
        var reply = console.Reply;
        var now = DateTimeOffset.UtcNow;
        reply.Set("grant", () => LeaseJson.Of(lease, DateTimeOffset.UtcNow));

        console.Add(Tag.Auth, $"Temporary API key granted for {GrantDuration.Text(lease.ExpiresAt - lease.IssuedAt)} (grant #{lease.Id}, scope '{scope.Name}'{(grant.ShortenedByMint ? ", shortened to the mint command's expiry" : "")}).");
        console.Add(Tag.Env, $"{scope.Env} exported to the command's environment.");
        console.Add(Tag.Warn, $"Key will automatically expire at {GrantText.LocalTime(lease.ExpiresAt, now)}.");
        console.Add(Tag.Ticket, $"Running `{TicketText.OneLine(lease.Command ?? "")}`: its output is masked, and it is stopped if it is still running at expiry.");

        var environment = new Dictionary<string, string>
        {
            [scope.Env] = grant.Secret,
            [GrantEnvironment.ExpiresAt] = GrantEnvironment.Time(lease.ExpiresAt),
            [GrantEnvironment.Id] = lease.Id.ToString(CultureInfo.InvariantCulture),
            [GrantEnvironment.Scope] = scope.Name,
            [GrantEnvironment.Variable] = InheritedGrants.Append(Environment.GetEnvironmentVariable(GrantEnvironment.Variable), scope.Env),
            [ProcessTree.CookieVariable] = lease.Cookie!,
        };
        var supervised = new SupervisedCommand
        {
            Arguments = program,
            WorkingDirectory = workingDirectory,
            Environment = environment,
            ExpiresAt = lease.ExpiresAt,
            Grace = scope.Grace,
            Cookie = lease.Cookie!,
            SecretForms = grant.Forms,
            Variable = scope.Env,
        };

        SupervisorOutcome outcome;
        var pidRecorded = Task.CompletedTask;
        try
        {
            // The pid is recorded while the command runs, not before: a store write costs tens of milliseconds.
            outcome = GrantSupervisor.Run(
                supervised,
                signals,
                Console.OpenStandardOutput(),
                console.Stderr,
                pid => pidRecorded = Task.Run(() => RecordPid(workspace, console, lease, pid)),
                () => console.Add(Tag.Warn, $"Grant #{lease.Id}: {scope.Env} expires in 1 minute, at {GrantText.LocalTime(lease.ExpiresAt, DateTimeOffset.UtcNow)}; the command is stopped then."));
        }
        catch (DialtoneError)
        {
            pidRecorded.Wait();
            var (status, _) = Revocation.Run(lease, "start-failed", workspace.Repository.TopLevel);
            GrantIssue.End(workspace, lease, "start-failed", status, "the command could not start");
            throw;
        }
        catch
        {
            GrantIssue.RevokeAfterFailure(workspace, lease, workspace.Repository.TopLevel);
            throw;
        }

        pidRecorded.Wait();
        lease.Pid = outcome.Pid;
        lease.ExitCode = outcome.ExitCode;
        var reason = outcome.Expired ? "expired" : "finished";
        lease.RevokedAt = workspace.Now();
        lease.Reason = reason;
        bool claimed;
        using (var store = workspace.OpenStore())
        {
            claimed = store.InTransaction(() =>
            {
                var leases = store.Leases;
                var ended = leases.Claim(lease.Id, reason, workspace.Now(), outcome.ExitCode);
                if (ended)
                {
                    store.Journal.Log(lease.Ticket, "grant", null, $"grant #{lease.Id} ({scope.Name}) ended: {Describe(outcome)}", workspace.Now());
                }

                return ended;
            });
            LeaseSweeper.NoteLeases(store);
        }

        if (outcome.Expired)
        {
            console.Add(Tag.Fail, $"Grant #{lease.Id} expired at {GrantText.LocalTime(lease.ExpiresAt, DateTimeOffset.UtcNow)}: the command was stopped (SIGTERM, then SIGKILL after {GrantDuration.Text(scope.Grace)}) after {GrantText.Seconds(outcome.Elapsed)}.");
        }
        else if (outcome.ExitCode == 0)
        {
            console.Add(Tag.Ticket, $"Grant #{lease.Id}: the command exited 0 after {GrantText.Seconds(outcome.Elapsed)}.");
        }
        else
        {
            console.Add(Tag.Fail, $"Grant #{lease.Id}: the command {Describe(outcome)}.");
        }

        if (outcome.LeftoversStopped > 0)
        {
            console.Add(Tag.Warn, $"Stopped {outcome.LeftoversStopped} process{(outcome.LeftoversStopped == 1 ? "" : "es")} the command left running with {scope.Env}: the grant ends with the command.");
        }

        Revoke(workspace, console, scope, grant, claimed, reason);

        if (outcome.Expired)
        {
            var longer = duration * 2 <= scope.MaxDuration ? duration * 2 : scope.MaxDuration;
            reply.Fail(ExpiredExitCode, duration < scope.MaxDuration
                ? $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(longer)} -- {lease.Command}"
                : $"Split the work: scope '{scope.Name}' allows at most {GrantDuration.Compact(scope.MaxDuration)} per grant.");
        }
        else if (outcome.ExitCode != 0)
        {
            reply.Fail(outcome.ExitCode, $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(duration)} -- {lease.Command}   (after fixing what failed)");
        }

        return reply;
    }

    private static void Revoke(Workspace workspace, GrantConsole console, GrantScope scope, IssuedGrant grant, bool claimed, string reason)
    {
        var lease = grant.Lease;
        if (!claimed)
        {
            console.Add(Tag.Auth, $"Grant #{lease.Id} had already been revoked (ticket grant revoke) while the command ran.");
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
            console.Add(Tag.Auth, $"Grant #{lease.Id} closed. Scope '{scope.Name}' has no revoke command: the key stays valid at its issuer until the issuer expires it.");
        }
        else if (result.Succeeded)
        {
            console.Add(Tag.Auth, $"{scope.Env} revoked (`{TicketText.OneLine(scope.Revoke!.Display)}` exited 0).");
        }
        else
        {
            console.Add(Tag.Warn, $"The revoke command failed ({result.Outcome(ToolRunner.DefaultTimeout)}): the key may stay valid until its issuer expires it.{GrantIssue.ErrorTail(result.Stderr, grant.Forms, scope.Env)}");
        }
    }

    private static void RecordPid(Workspace workspace, GrantConsole console, Lease lease, int pid)
    {
        try
        {
            using var store = workspace.OpenStore();
            store.Leases.Started(lease.Id, pid);
        }
        catch (Exception error) when (error is DialtoneError or Core.Storage.DuckDb.DuckDbException or IOException)
        {
            // The command runs regardless; only the audit misses its pid.
            console.Add(Tag.Warn, $"Could not record the command's pid in the store: {error.Message}");
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
