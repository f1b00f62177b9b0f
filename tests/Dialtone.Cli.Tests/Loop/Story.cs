using System.Text.Json;
using Dialtone.Git;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// Small steps the nexttone stories share: run the CLI and insist on an exit code, start a ticket
/// with one subtask, read the committed record, write the config.
/// </summary>
public static class Story
{
    /// <summary>The exact sign line `ticket next` tells the agent to run.</summary>
    public static string SignText(string subtask) => $"SIGN: {subtask} test-command is idempotent and PASS";

    public static string SignAction(string subtask) => $"[ACTION] ./dialtone.sh ticket log \"{SignText(subtask)}\"";

    /// <summary>
    /// The [WARN] every test whose first run passes earns; stories about other warnings leave it out,
    /// the first-pass stories assert it.
    /// </summary>
    public static bool IsFirstPassWarning(string line) =>
        line.StartsWith("[WARN] The test of '", StringComparison.Ordinal) && line.Contains("passed on its very first run", StringComparison.Ordinal);

    /// <summary>Runs the CLI and asserts its exit code, showing the whole output when it differs.</summary>
    public static CliResult Expect(int exitCode, TempRepo repo, params string[] args)
    {
        var result = Cli.Run(repo.Path_, args);
        Assert.True(result.ExitCode == exitCode, $"dialtone {string.Join(' ', args)}: expected exit {exitCode}\n{result}");
        return result;
    }

    public static CliResult Ok(TempRepo repo, params string[] args) => Expect(0, repo, args);

    /// <summary>`ticket start` plus one complete subtask.</summary>
    public static void StartWith(TempRepo repo, string ticket, string subtask, string test, string condition = "the command exits 0")
    {
        Ok(repo, "ticket", "start", ticket);
        AddSubtask(repo, subtask, test, condition);
    }

    public static void AddSubtask(TempRepo repo, string subtask, string test, string condition = "the command exits 0") =>
        Ok(repo, "ticket", "subtask", "add", subtask, "--desc", $"Make {subtask} pass", "--condition", condition, "--test", test);

    /// <summary>next (which must pass), then SIGN (which must be accepted).</summary>
    public static void PassAndSign(TempRepo repo, string subtask)
    {
        var next = Ok(repo, "ticket", "next");
        Assert.Contains(SignAction(subtask), next.Lines);
        Ok(repo, "ticket", "log", SignText(subtask));
    }

    public static string RecordPath(TempRepo repo, string ticket) => Path.Combine(repo.Path_, ".dialtone", "tickets", ticket + ".json");

    public static JsonElement Record(TempRepo repo, string ticket) =>
        JsonDocument.Parse(File.ReadAllText(RecordPath(repo, ticket))).RootElement;

    public static void WriteConfig(TempRepo repo, string json) => repo.Write(".dialtone/config.json", json);

    /// <summary>The snapshot tree as Dialtone.Git computes it, to compare with what the CLI reports.</summary>
    public static string Tree(TempRepo repo) => SnapshotTree.Compute(GitRepository.Discover(repo.Path_));

    /// <summary>A shell word for a path (tests put the dotnet host and the CLI into test commands).</summary>
    public static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static JsonElement Subtask(CliResult showJson, string name) =>
        showJson.Json.GetProperty("data").GetProperty("ticket").GetProperty("subtasks").EnumerateArray()
            .First(s => s.GetProperty("name").GetString() == name);
}
