namespace Dialtone.Cli.Tests.Grants;

/// <summary>
/// A test that needs a real terminal: `script` from util-linux gives the CLI one. Skipped, with the
/// reason, where it is not installed (the use case's terminal check is also tested in-process).
/// </summary>
public sealed class TerminalFactAttribute : FactAttribute
{
    public TerminalFactAttribute()
    {
        if (GrantConditions.Script is null)
        {
            Skip = "`script` (util-linux) is not installed: no pseudo-terminal to run the CLI on.";
        }
    }
}

/// <summary>
/// A test that needs root: to hand a directory to another user, or to run the CLI as one
/// (`setpriv`). As any other user file modes already stop reads, and the tests that assert the modes
/// themselves run everywhere.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute(bool needsSetpriv = false)
    {
        if (!GrantConditions.IsRoot)
        {
            Skip = "needs root (to chown a directory to another user, or to run a command as user nobody).";
        }
        else if (needsSetpriv && GrantConditions.Setpriv is null)
        {
            Skip = "`setpriv` (util-linux) is not installed: cannot run a command as user nobody.";
        }
    }
}

/// <summary>What the machine offers the grant tests.</summary>
public static class GrantConditions
{
    public static string? Script { get; } = Find("script");

    public static string? Setpriv { get; } = Find("setpriv");

    public static bool IsRoot { get; } = !OperatingSystem.IsWindows() && ReadUid() == 0;

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);

    /// <summary>The real user id, from /proc (Linux), where these tests run.</summary>
    private static int? ReadUid()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return line is null ? null : int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
