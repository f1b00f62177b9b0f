
namespace Dialtone.MSBuild.Tests;

/// <summary>
/// Packs Dialtone.MSBuild once per test run into a temp feed, with its own NuGet package folder so
/// a package from an earlier run is never restored from the cache.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Root = Directory.CreateTempSubdirectory("dialtone-feed-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Packages = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        var project = Path.Combine(SourceRoot, "src", "Dialtone.MSBuild", "Dialtone.MSBuild.csproj");
        var result = Dotnet.Run(SourceRoot, null, "pack", project, "-c", "Release", "-o", Feed, "-nologo", "-p:ContinuousIntegrationBuild=false");
        if (result.ExitCode != 0 || !Directory.EnumerateFiles(Feed, "Dialtone.MSBuild.*.nupkg").Any())
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + result.Output);
        }
    }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public static string SourceRoot => Dialtone.Tests.TestHost.SourceRoot;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp cleaner takes it.
        }
    }
}

/// <summary>`dotnet` as a process, with the environment a test controls (no inherited CI=true).</summary>
public static class Dotnet
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string directory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        // The gate's default depends on these; each test states what it wants.
        var env = new Dictionary<string, string?>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var name in new[] { "CI", "ContinuousIntegrationBuild", "GITHUB_HEAD_REF", "GITHUB_REF_NAME", "DIALTONE_TICKET", "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
        {
            env[name] = null;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        var outcome = Dialtone.Tests.ChildProcess.Run(Cli.Tests.Cli.DotnetHost, directory, args, env, TimeSpan.FromMinutes(5));
        return new Result(outcome.ExitCode, outcome.StdOut + outcome.StdErr);
    }
}
