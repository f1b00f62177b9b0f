namespace Dialtone.Cli.Tests.Hooks;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InitAndGateTests
{
    [Fact]
    public void Init_WritesCommentedConfig_IgnoresTempRecords_InstallsHooks_AndIsSafeToRerun()
    {
        using var repo = new HookedRepo(install: false);
        repo.Repo.Write(".gitignore", "bin/");

        var init = HookedRepo.Expect(0, repo.Dialtone("init", "--bin", repo.Wrapper));

        Assert.Contains("[ticket] Created .dialtone/config.json (the defaults, commented).", init.StdOut, StringComparison.Ordinal);
        Assert.Contains("[ticket] .gitignore: added .dialtone/tickets/.*.tmp.", init.StdOut, StringComparison.Ordinal);
        Assert.Contains("[ticket] Hooks installed in .git/hooks.", init.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] git add .dialtone/config.json .gitignore && git commit -m \"Set up Dialtone\"\n", init.StdOut, StringComparison.Ordinal);
        Assert.Equal("bin/\n# Dialtone: temp files of atomic ticket-record writes\n.dialtone/tickets/.*.tmp\n", repo.Repo.Read(".gitignore"));
        var config = Core.Config.DialtoneConfig.Load(repo.Path_);
        Assert.Equal(10, config.SummaryMaxAgeMinutes);
        Assert.StartsWith("// Dialtone configuration.", repo.Repo.Read(".dialtone/config.json"), StringComparison.Ordinal);
        Assert.Equal(repo.Wrapper, repo.Repo.Git("config", "dialtone.bin"));

        repo.Repo.Write(".dialtone/config.json", "{ \"summary\": { \"maxAgeMinutes\": 3 } }\n");
        var again = HookedRepo.Expect(0, repo.Dialtone("init"));

        Assert.Contains("[ticket] .dialtone/config.json exists; left as it is.", again.StdOut, StringComparison.Ordinal);
        Assert.Contains("[ticket] .gitignore already ignores .dialtone/tickets/.*.tmp.", again.StdOut, StringComparison.Ordinal);
        Assert.Contains("maxAgeMinutes\": 3", repo.Repo.Read(".dialtone/config.json"), StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] ./dialtone.sh ticket start <ticket-name>\n", again.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void GateCommit_GivesTheVerdictWithoutCommitting()
    {
        using var repo = new HookedRepo();
        var none = HookedRepo.Expect(0, repo.Dialtone("gate", "commit"));
        Assert.Equal("[ticket] Branch 'main' has no ticket record: commits are not gated here.\n", none.StdOut);

        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.Git("add", "-A");
        var blocked = HookedRepo.Expect(1, repo.Dialtone("--json", "gate", "commit"));
        var gate = blocked.Json.GetProperty("data").GetProperty("gate");
        Assert.Equal("blocked", gate.GetProperty("verdict").GetString());
        Assert.Equal("greet", gate.GetProperty("unsigned").GetString());
        Assert.Equal("a.txt", gate.GetProperty("changed")[0].GetProperty("path").GetString());
        Assert.Equal("action", blocked.Json.GetProperty("lines").EnumerateArray().Last().GetProperty("tag").GetString());

        repo.Git("reset", "-q");
        repo.RunAndSign("greet");
        repo.Git("add", "-A");
        var staged = repo.Repo.Git("write-tree");
        var passed = HookedRepo.Expect(0, repo.Dialtone("--json", "gate", "commit"));
        Assert.Equal("signed", passed.Json.GetProperty("data").GetProperty("gate").GetProperty("verdict").GetString());
        Assert.Equal("greet", passed.Json.GetProperty("data").GetProperty("gate").GetProperty("subtask").GetString());
        Assert.Equal(staged, repo.Repo.Git("write-tree"));
        Assert.Equal("feature", repo.Repo.Branch);
        Assert.Equal(1, int.Parse(repo.Repo.Git("rev-list", "--count", "HEAD"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void HookCommand_ForOtherHookManagers_AddsTrailersHandedOverByPreCommit()
    {
        using var repo = new HookedRepo(install: false);
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.RunAndSign("greet");
        repo.Git("add", "-A");
        var message = repo.Repo.Write("message.txt", "Greet\n");
        var asGit = new Dictionary<string, string?> { ["DIALTONE_GIT_PID"] = "12345" };

        HookedRepo.Expect(0, Cli.Run(repo.Path_, repo.Environment(asGit), "hook", "pre-commit"));
        HookedRepo.Expect(0, Cli.Run(repo.Path_, repo.Environment(asGit), "hook", "prepare-commit-msg", message, "message"));
        HookedRepo.Expect(0, Cli.Run(repo.Path_, repo.Environment(asGit), "hook", "prepare-commit-msg", message, "message"));

        Assert.Equal("Greet\n\nDialtone-Ticket: feature\nDialtone-Subtask: greet\n", File.ReadAllText(message));
        Assert.Equal(0, Cli.Run(repo.Path_, repo.Environment(), "hook", "post-checkout", "a", "b", "1").ExitCode);
        var unknown = Cli.Run(repo.Path_, repo.Environment(), "hook", "pre-push");
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("[FAIL] Unknown hook 'pre-push'", unknown.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenRecord_FailsTheCommitClosed_WithTheFix()
    {
        using var repo = new HookedRepo();
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "Plan the ticket"));
        repo.Repo.Write(".dialtone/tickets/feature.json", "{ not json");
        repo.Repo.Write("a.txt", "hello\n");
        repo.Git("add", "a.txt");

        var commit = repo.Git("commit", "-m", "with a broken record");

        // The hook exits 2 (bad input); git refuses the commit with its own exit code 1.
        Assert.Equal(1, commit.ExitCode);
        Assert.Contains("[FAIL] The ticket record '.dialtone/tickets/feature.json' cannot be read", commit.StdErr, StringComparison.Ordinal);
        Assert.Contains("[ACTION] git checkout -- .dialtone/tickets/feature.json", commit.StdErr, StringComparison.Ordinal);
    }
}
