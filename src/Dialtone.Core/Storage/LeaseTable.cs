using Dialtone.Core.Grants;
using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Storage;

/// <summary>
/// Credential leases (schema v5). Ending a lease is a claim — `revoked_at` is set only where it is
/// still NULL — so of two processes ending the same lease exactly one runs its revoke command.
/// </summary>
public sealed class LeaseTable(DuckDbConnection connection)
{
    private const string Columns =
        "id, ticket, scope, env_var, mode, issued_by, issued_at, expires_at, pid, command, fingerprint, cookie, work_tree, revoke_command, revoked_at, reason, revoke_status, exit_code";

    public long Insert(Lease lease) =>
        connection.Scalar<long>(
            """
            INSERT INTO leases (ticket, scope, env_var, mode, issued_by, issued_at, expires_at, command, cookie, work_tree, revoke_command)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
            """,
            lease.Ticket, lease.Scope, lease.EnvVar, lease.Mode, lease.IssuedBy, lease.IssuedAt.UtcDateTime, lease.ExpiresAt.UtcDateTime,
            lease.Command, lease.Cookie, lease.WorkTree, lease.RevokeCommand);

    /// <summary>After minting: the fingerprint, the expiry (the mint may shorten it) and the command with the secret masked.</summary>
    public void Minted(long id, string fingerprint, DateTimeOffset expiresAt, string? command) =>
        connection.Execute("UPDATE leases SET fingerprint = $2, expires_at = $3, command = $4 WHERE id = $1", id, fingerprint, expiresAt.UtcDateTime, command);

    public void Started(long id, int pid) => connection.Execute("UPDATE leases SET pid = $2 WHERE id = $1", id, pid);

    /// <summary>Ends the lease if nobody has yet; true when this caller did (and so runs the revoke command).</summary>
    public bool Claim(long id, string reason, DateTimeOffset at, int? exitCode = null) =>
        connection.Execute(
            "UPDATE leases SET revoked_at = $2, reason = $3, exit_code = coalesce($4, exit_code) WHERE id = $1 AND revoked_at IS NULL",
            id, at.UtcDateTime, reason, exitCode) == 1;

    public void RecordRevoke(long id, string status, int? exitCode = null) =>
        connection.Execute("UPDATE leases SET revoke_status = $2, exit_code = coalesce($3, exit_code) WHERE id = $1", id, status, exitCode);

    public Lease? Find(long id) => Load("WHERE id = $1", id).FirstOrDefault();

    /// <summary>Leases still open whose time is up: eval leases at expiry, supervised ones after <paramref name="supervisedMargin"/> more.</summary>
    public List<Lease> Due(DateTimeOffset now, TimeSpan supervisedMargin) =>
        Load(
            "WHERE revoked_at IS NULL AND expires_at <= $1 AND (mode <> 'run' OR expires_at <= $2) ORDER BY id",
            now.UtcDateTime,
            (now - supervisedMargin).UtcDateTime);

    public List<Lease> Active() => Load("WHERE revoked_at IS NULL ORDER BY id");

    /// <summary>The newest <paramref name="limit"/> leases, oldest first; all when null.</summary>
    public List<Lease> Recent(int? limit, string? ticket) =>
        Load(
            $"WHERE ($1 IS NULL OR ticket = $1) AND id IN (SELECT id FROM leases WHERE ($1 IS NULL OR ticket = $1) ORDER BY id DESC LIMIT {limit ?? int.MaxValue}) ORDER BY id",
            ticket);

    private List<Lease> Load(string where, params object?[] args)
    {
        using var reader = connection.Query($"SELECT {Columns} FROM leases {where}", args);
        var leases = new List<Lease>();
        while (reader.Read())
        {
            leases.Add(new Lease
            {
                Id = reader.GetInt64(0),
                Ticket = reader.GetString(1),
                Scope = reader.GetString(2),
                EnvVar = reader.GetString(3),
                Mode = reader.GetString(4),
                IssuedBy = reader.GetString(5),
                IssuedAt = StoreTime.Utc(reader.GetDateTime(6)),
                ExpiresAt = StoreTime.Utc(reader.GetDateTime(7)),
                Pid = reader.IsNull(8) ? null : reader.GetInt32(8),
                Command = reader.IsNull(9) ? null : reader.GetString(9),
                Fingerprint = reader.IsNull(10) ? null : reader.GetString(10),
                Cookie = reader.IsNull(11) ? null : reader.GetString(11),
                WorkTree = reader.GetString(12),
                RevokeCommand = reader.IsNull(13) ? null : reader.GetString(13),
                RevokedAt = reader.IsNull(14) ? null : StoreTime.Utc(reader.GetDateTime(14)),
                Reason = reader.IsNull(15) ? null : reader.GetString(15),
                RevokeStatus = reader.IsNull(16) ? null : reader.GetString(16),
                ExitCode = reader.IsNull(17) ? null : reader.GetInt32(17),
            });
        }

        return leases;
    }
}
