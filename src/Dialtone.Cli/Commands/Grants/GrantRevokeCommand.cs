using System.CommandLine;
using System.Globalization;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Workflow;
using Dialtone.Core;
using Dialtone.Git.Processes;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// `ticket grant revoke &lt;id&gt;|--all`: end leases now. A command still running under the grant is
/// stopped (with everything it started), then the scope's revoke command runs. Exit 1 when a
/// revoke command fails: the lease is over for Dialtone, but the key may still work.
/// </summary>
public static class GrantRevokeCommand
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    public static Command Build(GlobalOptions globals)
    {
        var id = new Argument<string?>("id") { Description = "The grant to revoke (#3 or 3).", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Revoke every active grant." };
        var command = new Command("revoke", "Revoke a grant now (or --all): stop its command, run the scope's revoke command.") { id, all };
        Handler.Set(command, globals, "ticket grant revoke", context => Run(context.Workspace, context.Value(id), context.Value(all)));
        return command;
    }

    public static Reply Run(Workspace workspace, string? idText, bool all)
    {
        const string usage = $"{NextStep.Cli} ticket grant revoke <id>   (ids: {NextStep.Cli} ticket grant list)";
        if (all == (idText is not null))
        {
            throw DialtoneError.Usage(all ? "Give a grant id or --all, not both." : "Which grant? Give its id, or --all.", usage);
        }

        long? id = null;
        if (idText is not null)
        {
            id = long.TryParse(idText.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
                ? parsed
                : throw DialtoneError.Usage($"'{Core.Tickets.Names.Printable(idText)}' is not a grant id.", usage);
        }

        var reply = new Reply();
        var who = Identity.Of(workspace.Repository);
        List<Lease> claimed = [];
        using (var store = workspace.OpenStore())
        {
            var leases = store.Leases;
            List<Lease> targets;
            if (id is { } one)
            {
                var lease = leases.Find(one) ?? throw DialtoneError.Usage($"There is no grant #{one}.", $"{NextStep.Cli} ticket grant list");
                if (!lease.IsActive)
                {
                    reply.Add(Tag.Ticket, $"Grant #{one} already ended ({lease.Reason} at {GrantText.LocalTime(lease.RevokedAt!.Value, DateTimeOffset.UtcNow)}; revoke: {lease.RevokeStatus ?? "none"}).");
                    reply.Set("revoked", () => new System.Text.Json.Nodes.JsonArray());
                    return reply;
                }

                targets = [lease];
            }
            else
            {
                targets = leases.Active();
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
        }

        if (claimed.Count == 0)
        {
            reply.Add(Tag.Ticket, "No active grants.");
        }

        var failed = new List<Lease>();
        foreach (var lease in claimed)
        {
            if (lease.Mode == "run" && lease.Pid is { } pid && lease.Cookie is { } cookie && IsStillTheCommand(pid, cookie))
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
                failed.Add(lease);
                reply.Add(Tag.Fail, $"Grant #{lease.Id} ({lease.Scope}): the revoke command failed ({result.Outcome(ToolRunner.DefaultTimeout)}); the key may still work.{GrantIssue.ErrorTail(result.Stderr, null, lease.EnvVar)}");
            }
        }

        if (claimed.Count > 0)
        {
            using var store = workspace.OpenStore();
            var leases = store.Leases;
            foreach (var lease in claimed)
            {
                leases.RecordRevoke(lease.Id, lease.RevokeStatus!);
            }
        }

        var now2 = DateTimeOffset.UtcNow;
        reply.Set("revoked", () => LeaseJson.Of(claimed, now2));
        if (failed.Count > 0)
        {
            var command = ToolCommand.ParseStored(failed[0].RevokeCommand)!;
            reply.Fail(ExitCodes.Blocked, $"(cd {ShellWords.Quote(failed[0].WorkTree)} && {GrantEnvironment.Id}={failed[0].Id} {command.Display})   # revoke by hand, then check with the issuer");
        }

        return reply;
    }

    /// <summary>The recorded pid still runs the granted command (Linux: it carries the cookie), not a process that reused the id.</summary>
    private static bool IsStillTheCommand(int pid, string cookie) =>
        OperatingSystem.IsLinux() ? ProcessTree.IsMarked(pid, cookie) : ProcessTree.IsAlive(pid);
}
