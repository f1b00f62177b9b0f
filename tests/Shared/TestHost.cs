namespace Dialtone.Tests;

/// <summary>Where the tests find the dotnet host and the Dialtone sources.</summary>
public static class TestHost
{
    /// <summary>
    /// The dotnet host by absolute path, so tests can empty PATH (no git) and still start .NET: the
    /// SDK's DOTNET_HOST_PATH, else the host beside the running runtime
    /// (&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/), else DOTNET_ROOT or PATH.
    /// </summary>
    public static string Dotnet { get; } = FindDotnet();

    /// <summary>The directory holding Dialtone.sln, above the test binaries.</summary>
    public static string SourceRoot { get; } = FindSourceRoot();

    private static string FindDotnet()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var besideRuntime = Path.Combine(Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..")), name);
        if (File.Exists(besideRuntime))
        {
            return besideRuntime;
        }

        var directories = new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? "" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator));
        foreach (var directory in directories.Where(d => d.Length > 0))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return "dotnet";
    }

    private static string FindSourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dialtone.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Dialtone.sln not found above " + AppContext.BaseDirectory);
    }
}
