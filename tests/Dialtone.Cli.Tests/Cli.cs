using System.Text.Json;

namespace Dialtone.Cli.Tests;

/// <summary>What one run of the real CLI process produced.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)
{
    public JsonElement Json => JsonDocument.Parse(StdOut).RootElement;

    public IEnumerable<string> Lines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}

/// <summary>Runs the built dialtone CLI as a separate process, the way agents and hooks do.</summary>
public static class Cli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "dialtone.dll");

    /// <summary>The dotnet host by absolute path, so tests can empty PATH (no git) and still start the CLI.</summary>
    public static string DotnetHost => Dialtone.Tests.TestHost.Dotnet;

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        // The ambient repository and library of the test process must not leak into the CLI's.
        var env = new Dictionary<string, string?>
        {
            ["GIT_DIR"] = null,
            ["GIT_INDEX_FILE"] = null,
            ["GIT_WORK_TREE"] = null,
            ["DIALTONE_DUCKDB_LIB"] = null,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        var outcome = Dialtone.Tests.ChildProcess.Run(DotnetHost, workingDirectory, [Dll, .. args], env, TimeSpan.FromSeconds(120));
        return new CliResult(outcome.ExitCode, outcome.StdOut, outcome.StdErr, outcome.Elapsed);
    }
}
