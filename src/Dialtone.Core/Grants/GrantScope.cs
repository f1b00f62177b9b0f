namespace Dialtone.Core.Grants;

/// <summary>
/// One credential scope from `.dialtone/config.json` → `grants`: which variable carries the secret,
/// the command that mints it, the optional command that revokes it, and the longest grant allowed.
/// The config names commands, never secrets.
/// </summary>
public sealed record GrantScope(string Name, string Env, ToolCommand Mint, ToolCommand? Revoke, TimeSpan MaxDuration, TimeSpan Grace)
{
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromHours(1);

    /// <summary>Time a command gets between SIGTERM and SIGKILL at expiry.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(5);
}
