using System.Globalization;
using System.Security.Cryptography;
using Dialtone.Core.Storage;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Grants;

/// <summary>
/// The ticket session as a command run sees it: the live session grants of one ticket (their
/// variables go into the environment of test runs and `dialtone run`), the ones whose time is up
/// (said, not given), the earliest expiry (where the run is stopped), and the mask of every secret
/// within reach — all grant files of the store, whatever ticket, and what an enclosing grant put in
/// this process's environment.
/// </summary>
public sealed class TicketSession
{
    private TicketSession(IReadOnlyList<SessionGrant> live, IReadOnlyList<SessionGrant> expired, SecretMask mask)
    {
        Live = live;
        Expired = expired;
        Mask = mask;
        Cookie = live.Count > 0 ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : null;
    }

    /// <summary>One grant per variable (the newest when two grant the same one).</summary>
    public IReadOnlyList<SessionGrant> Live { get; }

    /// <summary>Grants of the ticket whose files are still there but whose time is up.</summary>
    public IReadOnlyList<SessionGrant> Expired { get; }

    public SecretMask Mask { get; }

    /// <summary>Marks every process the run starts, to stop what it leaves behind with the secrets; null without grants.</summary>
    public string? Cookie { get; }

    /// <summary>When the first of the live grants expires; the run is stopped then.</summary>
    public DateTimeOffset? ExpiresAt => Live.Count == 0 ? null : Live.Min(g => g.ExpiresAt);

    /// <param name="ticket">Whose session; null (no ticket) gives no grants, only the mask.</param>
    public static TicketSession Load(StorePaths paths, string? ticket, DateTimeOffset now)
    {
        var files = SessionFiles.Read(paths);
        var mine = files.Where(g => g.InSession && g.Ticket == ticket).ToList();
        var live = mine.Where(g => g.IsLive(now))
            .GroupBy(g => g.Variable, StringComparer.Ordinal)
            .Select(v => v.MaxBy(g => g.Lease)!)
            .OrderBy(g => g.Lease)
            .ToList();
        var expired = mine.Where(g => !g.IsLive(now) && !live.Exists(l => l.Variable == g.Variable)).OrderBy(g => g.Lease).ToList();
        var mask = new SecretMask(files.Select(g => (g.Variable, SecretForms.Of(g.Secret)))).With(SecretMask.Inherited());
        return new TicketSession(live, expired, mask);
    }

    /// <summary>
    /// The variables a run gets: each live grant's secret, DIALTONE_GRANT_ENV (so a dialtone inside
    /// it masks them too), the earliest expiry and the cookie. Empty without live grants.
    /// </summary>
    public Dictionary<string, string?> Environment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Live.Count == 0)
        {
            return variables;
        }

        var names = System.Environment.GetEnvironmentVariable(GrantEnvironment.Variable);
        foreach (var grant in Live)
        {
            variables[grant.Variable] = grant.Secret;
            names = InheritedGrants.Append(names, grant.Variable);
        }

        variables[GrantEnvironment.Variable] = names;
        variables[GrantEnvironment.ExpiresAt] = GrantEnvironment.Time(ExpiresAt!.Value);
        variables[GrantEnvironment.Id] = string.Join(',', Live.Select(g => g.Lease.ToString(CultureInfo.InvariantCulture)));
        variables[ProcessTree.CookieVariable] = Cookie;
        return variables;
    }

    /// <summary>`STRIPE_API_KEY (grant #3)`, `A (grant #3) and B (grant #4)`.</summary>
    public static string Describe(IEnumerable<SessionGrant> grants)
    {
        var parts = grants.Select(g => $"{g.Variable} (grant #{g.Lease.ToString(CultureInfo.InvariantCulture)})").ToList();
        return parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts[..^1]) + " and " + parts[^1];
    }
}
