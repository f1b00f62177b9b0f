using System.Globalization;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Core.Workflow;
using Dialtone.Git.Processes;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// Runs a granted command under the supervisor with the secret and the DIALTONE_GRANT_* variables
/// in its environment. A command that cannot start, or a supervisor that fails, ends the lease
/// and revokes the key before the error is reported.
/// </summary>
internal static class GrantSupervision
{
    public static SupervisorOutcome Run(Workspace workspace, LiveReply live, GrantScope scope, IssuedGrant grant, IReadOnlyList<string> program, string directory, GrantSignals signals)
    {
        var lease = grant.Lease;
        var supervised = new SupervisedCommand
        {
            Arguments = program,
            WorkingDirectory = directory,
            Environment = new Dictionary<string, string>
            {
                [scope.Env] = grant.Secret,
                [GrantEnvironment.ExpiresAt] = GrantEnvironment.Time(lease.ExpiresAt),
                [GrantEnvironment.Id] = lease.Id.ToString(CultureInfo.InvariantCulture),
                [GrantEnvironment.Scope] = scope.Name,
                [GrantEnvironment.Variable] = InheritedGrants.Append(Environment.GetEnvironmentVariable(GrantEnvironment.Variable), scope.Env),
                [ProcessTree.CookieVariable] = lease.Cookie!,
            },
            ExpiresAt = lease.ExpiresAt,
            Grace = scope.Grace,
            Cookie = lease.Cookie!,

            // Its own secret, and whatever else is live within reach (it could read a session file or inherit a grant).
            Mask = new SecretMask([(scope.Env, grant.Forms)]).With(TicketSession.Load(workspace.StorePaths, null, workspace.Now()).Mask),
        };

        SupervisorOutcome outcome;
        var pidRecorded = Task.CompletedTask;
        try
        {
            // The pid is recorded while the command runs, not before: a store write costs tens of milliseconds.
            outcome = GrantSupervisor.Run(
                supervised,
                workspace.Time,
                signals,
                live.Console.Stdout,
                live.Console.Stderr,
                pid => pidRecorded = Task.Run(() => RecordPid(workspace, live, lease, pid)),
                () => live.Say(Tag.Warn, $"Grant #{lease.Id}: {scope.Env} expires in 1 minute, at {GrantText.At(lease.ExpiresAt)}; the command is stopped then."));
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
            GrantIssue.RevokeAfterFailure(workspace, lease);
            throw;
        }

        pidRecorded.Wait();
        return outcome;
    }

    private static void RecordPid(Workspace workspace, LiveReply live, Lease lease, int pid)
    {
        try
        {
            using var store = workspace.OpenStore();
            store.Leases.Started(lease.Id, pid);
        }
        catch (Exception error) when (error is DialtoneError or DuckDbException or IOException)
        {
            // The command runs regardless; only the audit misses its pid.
            live.Say(Tag.Warn, $"Could not record the command's pid in the store: {error.Message}");
        }
    }
}
