using System.Globalization;

namespace Dialtone.Core.Grants;

/// <summary>
/// The variables Dialtone sets for the mint command, the granted command and the revoke command.
/// The secret itself only ever goes to the granted command (and to eval's export lines).
/// </summary>
public static class GrantEnvironment
{
    public const string Id = "DIALTONE_GRANT_ID";
    public const string Scope = "DIALTONE_GRANT_SCOPE";
    public const string Variable = "DIALTONE_GRANT_ENV";
    public const string Ticket = "DIALTONE_GRANT_TICKET";
    public const string ExpiresAt = "DIALTONE_GRANT_EXPIRES_AT";
    public const string DurationSeconds = "DIALTONE_GRANT_DURATION_SECONDS";
    public const string Fingerprint = "DIALTONE_GRANT_FINGERPRINT";
    public const string Reason = "DIALTONE_GRANT_REASON";

    /// <summary>ISO 8601 in UTC, to the second: what DIALTONE_GRANT_EXPIRES_AT holds.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>For the mint command: which lease it is minting for and until when.</summary>
    public static Dictionary<string, string> ForMint(Lease lease) => new()
    {
        [Id] = lease.Id.ToString(CultureInfo.InvariantCulture),
        [Scope] = lease.Scope,
        [Variable] = lease.EnvVar,
        [Ticket] = lease.Ticket,
        [ExpiresAt] = Time(lease.ExpiresAt),
        [DurationSeconds] = ((long)Math.Round((lease.ExpiresAt - lease.IssuedAt).TotalSeconds)).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>For the revoke command: the lease, never the secret (an expired eval grant has no secret left to give).</summary>
    public static Dictionary<string, string> ForRevoke(Lease lease, string reason)
    {
        var environment = ForMint(lease);
        environment.Remove(DurationSeconds);
        environment[Fingerprint] = lease.Fingerprint ?? "";
        environment[Reason] = reason;
        return environment;
    }
}
