namespace Dialtone.Core.Grants;

/// <summary>
/// One live grant as its session file holds it: which lease, for which ticket, which variable,
/// until when, and the secret. Only ever in memory and in that file (mode 0600, private directory).
/// </summary>
/// <param name="Mode">`session` and `export` grants belong to the ticket session (test runs and
/// `dialtone run` get them); a `run` grant's file is there only so that other dialtone commands can
/// mask its secret while it is live.</param>
public sealed record SessionGrant(long Lease, string Ticket, string Scope, string Variable, string Mode, DateTimeOffset ExpiresAt, string Secret)
{
    /// <summary>Whether test runs and `dialtone run` of its ticket get it (rather than only masking it).</summary>
    public bool InSession => Mode is LeaseModes.Session or LeaseModes.Export;

    public bool IsLive(DateTimeOffset now) => ExpiresAt > now;
}
