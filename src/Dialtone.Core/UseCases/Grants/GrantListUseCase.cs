using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>`ticket grant list [--all] [--ticket &lt;t&gt;]`: the audited leases — active ones and the recent past.</summary>
public static class GrantListUseCase
{
    public const int RecentCount = 20;

    public static Reply Run(Workspace workspace, bool all, string? ticket)
    {
        if (ticket is not null)
        {
            Names.Require(ticket, "ticket", $"{NextStep.Cli} ticket grant list --ticket fix-login-timeout");
        }

        List<Lease> leases;
        using (var store = workspace.OpenStore())
        {
            leases = store.Leases.Recent(all ? null : RecentCount, ticket);
        }

        var now = workspace.Now();
        var reply = new Reply();
        var active = leases.Count(l => l.IsActive && l.ExpiresAt > now);
        reply.Add(Tag.Ticket, leases.Count == 0
            ? "No grants yet."
            : $"{leases.Count} grant{(leases.Count == 1 ? "" : "s")}{(all ? "" : " (most recent)")}, {active} active:");
        foreach (var lease in leases)
        {
            reply.Detail(Row(lease, now));
        }

        var open = leases.FirstOrDefault(l => l.IsActive);
        if (open is not null)
        {
            reply.Add(Tag.Tip, $"End one early with: {NextStep.Cli} ticket grant revoke {open.Id} (or --all).");
        }

        reply.Set("leases", () => LeaseJson.Of(leases, now));
        return reply;
    }

    public static string Row(Lease lease, DateTimeOffset now)
    {
        var state = lease.State(now);
        var what = lease.Mode switch
        {
            LeaseModes.Run => $"`{TicketText.OneLine(lease.Command ?? "", 80)}`{(lease.Pid is { } pid ? $" pid {pid}" : "")}",
            LeaseModes.Session => "ticket session",
            LeaseModes.Export => "ticket session, printed export lines",
            _ => lease.Mode,
        };
        var end = lease.RevokedAt is { } revoked ? $", ended {GrantText.LocalTime(revoked, now)}" : "";
        var revoke = lease.RevokeStatus is { } status ? $", revoke: {status}" : "";
        var exit = lease.ExitCode is { } code ? $", exit {code}" : "";
        return $"#{lease.Id} {state,-11} {lease.Scope} ({lease.EnvVar})  ticket {lease.Ticket}  by {lease.IssuedBy}  "
            + $"{GrantText.LocalTime(lease.IssuedAt, now)} -> {GrantText.LocalTime(lease.ExpiresAt, now)}  {what}{exit}{end}{revoke}"
            + (lease.Fingerprint is { } fingerprint ? $"  fp {fingerprint[..12]}" : "");
    }
}
