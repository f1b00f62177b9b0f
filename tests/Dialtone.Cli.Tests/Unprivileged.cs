using Dialtone.Tests;

namespace Dialtone.Cli.Tests;

/// <summary>
/// Runs the CLI as a user that file modes apply to. Tests here and in CI run as root, for whom
/// `chmod a-w` stops nothing, so a test of a read-only directory must drop to `nobody` (setpriv from
/// util-linux) or it could not fail. As a normal user the CLI simply runs as that user.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class Unprivileged
{
    public static bool IsRoot => Environment.UserName == "root";

    public static CliResult Run(string workingDirectory, params string[] args)
    {
        if (!IsRoot)
        {
            return Cli.Run(workingDirectory, args);
        }

        var home = Directory.CreateTempSubdirectory("dialtone-nobody-").FullName;
        File.SetUnixFileMode(home, (UnixFileMode)Convert.ToInt32("777", 8));
        var environment = new Dictionary<string, string?>
        {
            ["GIT_DIR"] = null,
            ["GIT_INDEX_FILE"] = null,
            ["GIT_WORK_TREE"] = null,
            ["DIALTONE_DUCKDB_LIB"] = null,
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,

            // git refuses repositories owned by another user; these belong to root.
            ["GIT_CONFIG_COUNT"] = "1",
            ["GIT_CONFIG_KEY_0"] = "safe.directory",
            ["GIT_CONFIG_VALUE_0"] = "*",
        };
        try
        {
            var outcome = ChildProcess.Run(
                "setpriv",
                workingDirectory,
                ["--reuid=nobody", "--regid=nogroup", "--clear-groups", Cli.DotnetHost, Cli.Dll, .. args],
                environment,
                TimeSpan.FromSeconds(120));
            return new CliResult(outcome.ExitCode, outcome.StdOut, outcome.StdErr, outcome.Elapsed);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Lets `nobody` write what the test wants writable (the store), and read everything.</summary>
    public static void Open(string path)
    {
        var mode = Directory.Exists(path) ? "777" : "666";
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
    }

    /// <summary>Takes write access away from everyone but root (which keeps it, hence <see cref="Run"/>).</summary>
    public static void ReadOnly(string directory) =>
        File.SetUnixFileMode(directory, (UnixFileMode)Convert.ToInt32("555", 8));
}
