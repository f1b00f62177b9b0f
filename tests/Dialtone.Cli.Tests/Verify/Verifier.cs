using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Verify;

/// <summary>
/// Runs `dialtone verify` the way CI does: in a clone, with none of the variables that name a ticket
/// or a branch unless the test sets them, and with DuckDB's library pointed at nothing, so a verify
/// that opened the store would fail loudly.
/// </summary>
public static class Verifier
{
    /// <summary>The variables a build gate or CI uses to name the ticket (Records/Gate/TicketResolver).</summary>
    private static readonly string[] TicketVariables =
    [
        "DIALTONE_TICKET", "GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME", "BUILD_SOURCEBRANCHNAME", "BRANCH_NAME",
        "BUILDKITE_BRANCH", "CIRCLE_BRANCH", "TRAVIS_BRANCH", "BITBUCKET_BRANCH", "GIT_BRANCH",
    ];

    public static CliResult Run(TempRepo clone, params string[] args) => Run(clone, null, args);

    public static CliResult Run(TempRepo clone, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var env = new Dictionary<string, string?>
        {
            ["DIALTONE_DUCKDB_LIB"] = "/nonexistent/libduckdb-verify-must-not-load.so",
            ["DIALTONE_DEBUG"] = null,
        };
        foreach (var name in TicketVariables)
        {
            env[name] = null;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        var result = Cli.Run(clone.Path_, env, ["verify", .. args]);
        Assert.DoesNotContain("   at ", result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(clone.Path_, ".git", "dialtone")), $"verify created a store\n{result}");
        return result;
    }

    public static CliResult Expect(int exitCode, TempRepo clone, params string[] args) => Expect(exitCode, clone, null, args);

    public static CliResult Expect(int exitCode, TempRepo clone, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var result = Run(clone, environment, args);
        Assert.True(result.ExitCode == exitCode, $"dialtone verify {string.Join(' ', args)}: expected exit {exitCode}\n{result}");
        if (exitCode != 0 && !args.Contains("--json"))
        {
            Assert.StartsWith("[ACTION] ", result.Lines.Last(), StringComparison.Ordinal);
            Assert.Single(result.Lines, l => l.StartsWith("[ACTION] ", StringComparison.Ordinal));
        }

        return result;
    }

    /// <summary>The lines with <paramref name="tag"/> ("[FAIL]", …).</summary>
    public static List<string> Tagged(CliResult result, string tag) => [.. result.Lines.Where(l => l.StartsWith(tag + " ", StringComparison.Ordinal))];

    /// <summary>Commits everything in the clone the way an agent skipping the gate would.</summary>
    public static string CommitPastTheGate(TempRepo clone, string message)
    {
        clone.Git("add", "-A");
        clone.Git("commit", "-q", "--no-verify", "-m", message);
        return clone.Git("rev-parse", "--short=7", "HEAD");
    }
}
