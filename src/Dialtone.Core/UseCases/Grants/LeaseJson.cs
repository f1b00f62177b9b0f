using System.Text.Json.Nodes;
using Dialtone.Core.Grants;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>A lease in --json output: what the store audits, never a secret.</summary>
public static class LeaseJson
{
    public static JsonObject Of(Lease lease, DateTimeOffset now) => new()
    {
        ["id"] = lease.Id,
        ["ticket"] = lease.Ticket,
        ["scope"] = lease.Scope,
        ["env"] = lease.EnvVar,
        ["mode"] = lease.Mode,
        ["state"] = lease.State(now),
        ["issuedBy"] = lease.IssuedBy,
        ["issuedAt"] = lease.IssuedAt,
        ["expiresAt"] = lease.ExpiresAt,
        ["pid"] = lease.Pid,
        ["command"] = lease.Command,
        ["fingerprint"] = lease.Fingerprint,
        ["revokedAt"] = lease.RevokedAt,
        ["reason"] = lease.Reason,
        ["revokeStatus"] = lease.RevokeStatus,
        ["exitCode"] = lease.ExitCode,
    };

    public static JsonArray Of(IEnumerable<Lease> leases, DateTimeOffset now) => [.. leases.Select(l => (JsonNode?)Of(l, now))];
}
