using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Hooks;

/// <summary>
/// A temp repository with Dialtone's hooks installed, where git itself runs them: commits go through
/// `git commit`, and the shims find the CLI through DIALTONE_BIN, a wrapper script (in a directory
/// whose name has a space) that logs each call and runs `dotnet dialtone.dll`.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HookedRepo : IDisposable
{
    public HookedRepo(string? name = null, bool install = true)
    {
        Repo = new TempRepo(name);
        var bin = Repo.Sibling("dialtone bin");
        Directory.CreateDirectory(bin);
        Wrapper = Path.Combine(bin, "dialtone");
        CallLog = Path.Combine(bin, "calls.log");
        File.WriteAllText(Wrapper, $"#!/bin/sh\necho \"$*\" >> '{CallLog}'\nexec '{Cli.DotnetHost}' '{Cli.Dll}' \"$@\"\n");
        File.SetUnixFileMode(Wrapper, (UnixFileMode)0b111_101_101);
        if (install)
        {
            Expect(0, Dialtone("hooks", "install"));
        }
    }

    public TempRepo Repo { get; }

    /// <summary>The DIALTONE_BIN the shims run.</summary>
    public string Wrapper { get; }

    /// <summary>One line per CLI start through the wrapper: the arguments.</summary>
    public string CallLog { get; }

    public IReadOnlyList<string> Calls => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : [];

    public string Path_ => Repo.Path_;

    /// <summary>What every git and dialtone call here runs with; tests override single variables.</summary>
    public Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DIALTONE_BIN"] = Wrapper,
            ["DIALTONE"] = null,
            ["DIALTONE_DEBUG"] = null,
            ["GIT_DIR"] = null,
            ["GIT_INDEX_FILE"] = null,
            ["GIT_WORK_TREE"] = null,
            ["GIT_EDITOR"] = "true",
            ["GIT_MERGE_AUTOEDIT"] = "no",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return environment;
    }

    public CliResult Dialtone(params string[] args) => Cli.Run(Path_, Environment(), args);

    public CliResult DialtoneIn(string directory, params string[] args) => Cli.Run(directory, Environment(), args);

    public CliResult Git(params string[] args) => GitIn(Path_, null, args);

    public CliResult Git(IReadOnlyDictionary<string, string?> overrides, params string[] args) => GitIn(Path_, overrides, args);

    /// <summary>Runs git as a user would, hooks and all; the result carries both streams (hook output is on stderr).</summary>
    public CliResult GitIn(string directory, IReadOnlyDictionary<string, string?>? overrides, params string[] args)
    {
        var outcome = ChildProcess.Run("git", directory, args, Environment(overrides), TimeSpan.FromSeconds(120));
        return new CliResult(outcome.ExitCode, outcome.StdOut, outcome.StdErr, outcome.Elapsed);
    }

    /// <summary>Starts a ticket with one subtask whose test is `test -f &lt;file&gt;`.</summary>
    public void StartTicket(string ticket, string subtask, string file)
    {
        Expect(0, Dialtone("ticket", "start", ticket));
        AddSubtask(subtask, file);
    }

    public void AddSubtask(string subtask, string file) =>
        Expect(0, Dialtone("ticket", "subtask", "add", subtask, "--desc", $"Create {file}", "--condition", $"{file} exists", "--test", $"test -f {file}"));

    /// <summary>The agent's loop up to the commit: `ticket next` runs the test, SIGN records the attestation.</summary>
    public void RunAndSign(string subtask)
    {
        var next = Dialtone("ticket", "next");
        Assert.True(next.StdOut.Contains("[PASS]", StringComparison.Ordinal), next.ToString());
        Expect(0, Dialtone("ticket", "log", $"SIGN: {subtask} test-command is idempotent and PASS"));
    }

    public string Head => Repo.Git("rev-parse", "HEAD");

    /// <summary>The ticket's evidence as its record in the work tree has it: (kind, detail) in order.</summary>
    public IReadOnlyList<(string Kind, string Detail)> RecordEvidence(string ticket)
    {
        var path = System.IO.Path.Combine(Path_, ".dialtone", "tickets", ticket + ".json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return [.. json.RootElement.GetProperty("evidence").EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("detail").GetString()!))];
    }

    /// <summary>The ticket's evidence as the store has it.</summary>
    public IReadOnlyList<(string Kind, string Detail)> StoreEvidence(string ticket)
    {
        using var store = Core.Storage.Store.Open(Core.Storage.StorePaths.ForCommonDir(System.IO.Path.Combine(Path_, ".git")));
        return [.. store.Tickets.Find(ticket)!.Evidence.Select(e => (e.Kind, e.Detail))];
    }

    /// <summary>The evidence inbox the shims append to, or null when there is none.</summary>
    public string? Inbox
    {
        get
        {
            var path = System.IO.Path.Combine(Path_, ".git", "dialtone", "evidence.log");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
    }

    public static CliResult Expect(int exitCode, CliResult result)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}\n{result}");
        return result;
    }

    public void Dispose() => Repo.Dispose();
}
