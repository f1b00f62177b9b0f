namespace Dialtone.Core.Grants;

/// <summary>
/// One grant of a credential, as audited in the store. Never the secret: only a keyed fingerprint
/// of it, and the command with every form of the secret masked.
/// </summary>
public sealed class Lease
{
    public long Id { get; init; }

    public required string Ticket { get; init; }

    public required string Scope { get; init; }

    public required string EnvVar { get; init; }

    /// <summary>`run` (a supervised command, expiry enforced) or `eval` (export lines, expiry advisory).</summary>
    public required string Mode { get; init; }

    public required string IssuedBy { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The supervised command's process id (run mode), once it started.</summary>
    public int? Pid { get; set; }

    /// <summary>The command line with the secret masked (run mode).</summary>
    public string? Command { get; set; }

    /// <summary>HMAC-SHA256 of the secret under the store's key; null until minted.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>A random marker put into the command's environment, to find every process it started.</summary>
    public string? Cookie { get; set; }

    public required string WorkTree { get; init; }

    /// <summary>The scope's revoke command when the grant was made, as config JSON.</summary>
    public string? RevokeCommand { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why the lease ended: finished, expired, revoked, mint-failed, start-failed.</summary>
    public string? Reason { get; set; }

    /// <summary>What the revoke command did: ok, failed (exit N), timed out, none, started (in the background).</summary>
    public string? RevokeStatus { get; set; }

    /// <summary>The command's exit code (run mode).</summary>
    public int? ExitCode { get; set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>active, expired (not yet revoked), or the reason it ended.</summary>
    public string State(DateTimeOffset now) =>
        RevokedAt is not null ? Reason ?? "revoked" : ExpiresAt <= now ? "expired" : Fingerprint is null ? "minting" : "active";
}
