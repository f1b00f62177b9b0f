namespace Dialtone.Core.UseCases.Hooks;

/// <summary>Where the running dialtone lives, for the hooks to call back: the checkout's dialtone.sh when that is how it runs.</summary>
public static class CliLocation
{
    /// <summary>
    /// dialtone.sh when <paramref name="processPath"/> (the running executable) is the binary it built
    /// (&lt;checkout&gt;/.build/cli/dialtone), so hooks rebuild after source changes like every other
    /// call; the binary itself otherwise; null when started through the `dotnet` host, where no
    /// single path runs it.
    /// </summary>
    public static string? Detect(string? processPath)
    {
        if (processPath is null || !string.Equals(Path.GetFileNameWithoutExtension(processPath), "dialtone", StringComparison.Ordinal))
        {
            return null;
        }

        var directory = Path.GetDirectoryName(processPath)!;
        var cli = new DirectoryInfo(directory);
        if (cli is { Name: "cli", Parent: { Name: ".build", Parent: { } checkout } }
            && File.Exists(Path.Combine(checkout.FullName, "dialtone.sh")))
        {
            return Path.Combine(checkout.FullName, "dialtone.sh");
        }

        return processPath;
    }
}
