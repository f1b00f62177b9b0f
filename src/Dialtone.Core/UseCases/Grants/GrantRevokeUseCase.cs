using System.Globalization;
using System.Text.Json.Nodes;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;
using Dialtone.Git.Processes;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// `ticket grant revoke &lt;id&gt;|--all`: end leases now. A command still running under the grant is
/// stopped (with everything it started), then the scope's revoke command runs. Exit 1 when a
/// revoke command fails: the lease is over for Dialtone, but the key may still work.
/// </summary>
public static class GrantRevokeUseCase
{
    private const string Usage = $"{NextStep.Cli} ticket grant revoke <id>";

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    public static Reply Run(Workspace workspace, string? idText, bool all)
    {
        if (all == (idText is not null))
        {
            throw DialtoneError.Usage(all ? "Give a grant id or --all, not both." : "Which grant? Give its id, or --all.", Usage);
        }

        var reply = new Reply();
        var claimed = Claim(workspace, Id(idText), reply);
        if (claimed is null)
        {
            return reply;
        }

        if (claimed.Count == 0)
        {
            reply.Add(Tag.Ticket, "No active grants.");
        }

        var failed = claimed.Where(lease => !Revoke(workspace, lease, reply)).ToList();
        if (claimed.Count > 0)
        {
            using var store = workspace.OpenStore();
            foreach (var lease in claimed)
            {
                store.Leases.RecordRevoke(lease.Id, lease.RevokeStatus!);
            }
        }

        var now = workspace.Now();
        reply.Set("revoked", () => LeaseJson.Of(claimed, now));
        if (failed.Count > 0)
        {
            var command = ToolCommand.ParseStored(failed[0].RevokeCommand)!;
            reply.Fail(ExitCodes.Blocked, $"(cd {ShellWords.Quote(failed[0].WorkTree)} && {GrantEnvironment.Id}={failed[0].Id} {command.Display})");
        }

        return reply;
    }

    private static long? Id(string? text) =>
        text is null ? null
        : long.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed
        : throw DialtoneError.Usage($"'{Core.Tickets.Names.Printable(text)}' is not a grant id.", Usage);

    /// <summary>
    /// Ends the leases in the store, so that no one else (the supervisor, the sweep) revokes them too;
    /// null when the one asked for had already ended (said on the reply).
    /// </summary>
    private static List<Lease>? Claim(Workspace workspace, long? id, Reply reply)
    {
        var who = Identity.Of(workspace.Repository);
        List<Lease> claimed = [];
        using var store = workspace.OpenStore();
        var leases = store.Leases;
        List<Lease> targets;
        if (id is { } one)
        {
            var lease = leases.Find(one) ?? throw DialtoneError.Usage($"There is no grant #{one}.", $"{NextStep.Cli} ticket grant list");
            if (!lease.IsActive)
            {
                reply.Add(Tag.Ticket, $"Grant #{one} already ended ({lease.Reason} at {GrantText.LocalTime(lease.RevokedAt!.Value, workspace.Now())}; revoke: {lease.RevokeStatus ?? "none"}).");
                reply.Set("revoked", () => new JsonArray());
                return null;
            }

            targets = [lease];
        }
        else
        {
            targets = leases.Active();
        }

        // The session loses the secret first: from here on no test run or `dialtone run` gets it.
        foreach (var lease in targets)
        {
            SessionFiles.Remove(workspace.StorePaths, lease.Id);
        }

        var now = workspace.Now();
        store.InTransaction(() =>
        {
            foreach (var lease in targets.Where(l => leases.Claim(l.Id, "revoked", now)))
            {
                store.Journal.Log(lease.Ticket, "grant", null, $"grant #{lease.Id} ({lease.Scope}) revoked by {who}", now);
                claimed.Add(lease);
            }
        });
        LeaseSweeper.NoteLeases(store);
        return claimed;
    }

    /// <summary>Stops the lease's command if it still runs, then runs the revoke command; false when that failed.</summary>
    private static bool Revoke(Workspace workspace, Lease lease, Reply reply)
    {
        if (lease.Mode == LeaseModes.Run && lease.Pid is { } pid && lease.Cookie is { } cookie && IsStillTheCommand(pid, cookie))
        {
            var stopped = ProcessTree.Stop(pid, cookie, StopGrace);
            reply.Add(Tag.Ticket, $"Grant #{lease.Id}: stopped the command it ran (pid {pid}, {stopped} process{(stopped == 1 ? "" : "es")}).");
        }

        var (status, result) = Revocation.Run(lease, "revoked", workspace.Repository.TopLevel);
        lease.RevokeStatus = status;
        lease.RevokedAt = workspace.Now();
        lease.Reason = "revoked";
        if (result is null)
        {
            reply.Add(Tag.Auth, $"Grant #{lease.Id} ({lease.Scope}, {lease.EnvVar}) revoked in Dialtone; the scope has no revoke command, so the key lives until its issuer expires it.");
        }
        else if (result.Succeeded)
        {
            reply.Add(Tag.Auth, $"Grant #{lease.Id} ({lease.Scope}, {lease.EnvVar}) revoked (revoke command exited 0).");
        }
        else
        {
            reply.Add(Tag.Fail, $"Grant #{lease.Id} ({lease.Scope}): the revoke command failed ({result.Outcome(ToolRunner.DefaultTimeout)}); the key may still work.{GrantIssue.ErrorTail(result.Stderr, null, lease.EnvVar)}");
            return false;
        }

        return true;
    }

    /// <summary>The recorded pid still runs the granted command (Linux: it carries the cookie), not a process that reused the id.</summary>
    private static bool IsStillTheCommand(int pid, string cookie) =>
        OperatingSystem.IsLinux() ? ProcessTree.IsMarked(pid, cookie) : ProcessTree.IsAlive(pid);
}
