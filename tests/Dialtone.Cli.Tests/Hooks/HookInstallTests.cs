using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Hooks;

/// <summary>Installing into the repositories people really have: hooks of their own, core.hooksPath, worktrees, spaces, no CLI.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HookInstallTests
{
    private const string TheirHook = "#!/bin/sh\necho \"their pre-commit ran: $# args\" >> \"$(git rev-parse --git-common-dir)/their-hook.log\"\n";

    [Fact]
    public void PreExistingHook_KeepsRunning_CanStillBlock_AndIsRestoredOnUninstall()
    {
        using var repo = new HookedRepo(install: false);
        var hook = Path.Combine(repo.Path_, ".git", "hooks", "pre-commit");
        File.WriteAllText(hook, TheirHook);
        File.SetUnixFileMode(hook, (UnixFileMode)0b111_101_101);

        var install = HookedRepo.Expect(0, repo.Dialtone("hooks", "install"));
        Assert.Contains("  pre-commit          installed; runs pre-commit.dialtone-chained first", install.StdOut, StringComparison.Ordinal);

        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.RunAndSign("greet");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-m", "signed"));
        Assert.Equal("their pre-commit ran: 0 args\n", File.ReadAllText(Path.Combine(repo.Path_, ".git", "their-hook.log")));

        File.AppendAllText(hook + ".dialtone-chained", "exit 7\n");
        repo.Repo.Write("b.txt", "x\n");
        repo.Git("add", "-A");
        Assert.Equal(1, repo.Git("commit", "-m", "their hook says no").ExitCode);
        File.WriteAllText(hook + ".dialtone-chained", TheirHook);

        var status = HookedRepo.Expect(0, repo.Dialtone("hooks", "status"));
        Assert.Contains("  pre-commit          installed; runs pre-commit.dialtone-chained first", status.StdOut, StringComparison.Ordinal);
        Assert.Contains("  post-merge          installed\n", status.StdOut, StringComparison.Ordinal);

        var uninstall = HookedRepo.Expect(0, repo.Dialtone("hooks", "uninstall"));
        Assert.Contains("  pre-commit          removed; the previous hook is back in place", uninstall.StdOut, StringComparison.Ordinal);
        Assert.Equal(TheirHook, File.ReadAllText(hook));
        Assert.Equal(["pre-commit"], Directory.GetFiles(Path.GetDirectoryName(hook)!).Select(Path.GetFileName).Where(n => !n!.EndsWith(".sample", StringComparison.Ordinal)));
    }

    [Fact]
    public void ExistingCoreHooksPath_IsRespected_AndGitRunsTheShimsFromThere()
    {
        using var repo = new HookedRepo(install: false);
        repo.Repo.Write(".githooks/pre-commit", TheirHook);
        File.SetUnixFileMode(Path.Combine(repo.Path_, ".githooks", "pre-commit"), (UnixFileMode)0b111_101_101);
        repo.Repo.Git("config", "core.hooksPath", ".githooks");

        var install = HookedRepo.Expect(0, repo.Dialtone("hooks", "install"));

        Assert.Contains("[ticket] Hooks installed in .githooks (core.hooksPath).", install.StdOut, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repo.Path_, ".git", "hooks", "pre-commit")));
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.Git("add", "-A");
        var blocked = repo.Git("commit", "-m", "unsigned");
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("subtask 'greet' is not signed", blocked.StdErr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(repo.Path_, ".git", "their-hook.log")));
    }

    [Fact]
    public void LinkedWorktree_SharesTheHooks_AndIsGated()
    {
        using var repo = new HookedRepo();
        var worktree = repo.Repo.Sibling("second tree");
        repo.Repo.Git("worktree", "add", "-q", "-b", "scratch", worktree);

        HookedRepo.Expect(0, repo.DialtoneIn(worktree, "ticket", "start", "feature"));
        HookedRepo.Expect(0, repo.DialtoneIn(worktree, "ticket", "subtask", "add", "greet", "--desc", "d", "--condition", "a.txt exists", "--test", "test -f a.txt"));
        File.WriteAllText(Path.Combine(worktree, "a.txt"), "hello\n");
        repo.GitIn(worktree, null, "add", "-A");
        var blocked = repo.GitIn(worktree, null, "commit", "-m", "unsigned");
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("subtask 'greet' is not signed", blocked.StdErr, StringComparison.Ordinal);

        repo.GitIn(worktree, null, "reset", "-q");
        Assert.Contains("[PASS]", repo.DialtoneIn(worktree, "ticket", "next").StdOut, StringComparison.Ordinal);
        HookedRepo.Expect(0, repo.DialtoneIn(worktree, "ticket", "log", "SIGN: greet test-command is idempotent and PASS"));
        repo.GitIn(worktree, null, "add", "-A");
        HookedRepo.Expect(0, repo.GitIn(worktree, null, "commit", "-m", "signed"));

        Assert.Equal("greet", TempRepo.RunGit(worktree, "log", "-1", "--format=%(trailers:key=Dialtone-Subtask,valueonly)"));
        Assert.Equal("main", repo.Repo.Branch);
    }

    [Fact]
    public void RepositoryPathWithSpaces_IsGated()
    {
        using var repo = new HookedRepo(name: "my work repo");
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.Git("add", "-A");
        Assert.Equal(1, repo.Git("commit", "-m", "unsigned").ExitCode);

        repo.Git("reset", "-q");
        repo.RunAndSign("greet");
        repo.Git("add", "-A");

        HookedRepo.Expect(0, repo.Git("commit", "-m", "signed"));
        Assert.Equal("feature", repo.Repo.Git("log", "-1", "--format=%(trailers:key=Dialtone-Ticket,valueonly)"));
    }

    [Fact]
    public void MissingCli_FailsClosedOnATicketBranch_AndOpenElsewhere()
    {
        using var repo = new HookedRepo();
        var noCli = new Dictionary<string, string?> { ["DIALTONE_BIN"] = null, ["PATH"] = "/usr/bin:/bin" };
        repo.Repo.Write("plain.txt", "x\n");
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git(noCli, "commit", "-m", "no ticket, no gate"));

        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.Git("add", "-A");
        var commit = repo.Git(noCli, "commit", "-m", "gate cannot run");

        Assert.Equal(1, commit.ExitCode);
        Assert.Contains("[BLOCK] 'feature' is a ticket branch, but no dialtone CLI was found", commit.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] git config dialtone.bin <path-to-dialtone.sh>\n", commit.StdErr, StringComparison.Ordinal);

        var broken = repo.Git(new Dictionary<string, string?> { ["DIALTONE_BIN"] = "/nowhere/dialtone", ["PATH"] = "/usr/bin:/bin" }, "commit", "-m", "wrong bin");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("DIALTONE_BIN='/nowhere/dialtone' is not executable", broken.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordedBin_IsFound_WithoutDialtoneBin()
    {
        using var repo = new HookedRepo(install: false);
        var install = HookedRepo.Expect(0, repo.Dialtone("hooks", "install", "--bin", repo.Wrapper));
        Assert.Contains($"[ticket] The hooks call {repo.Wrapper} (git config dialtone.bin)", install.StdOut, StringComparison.Ordinal);
        repo.StartTicket("feature", "greet", "a.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.Git("add", "-A");

        var commit = repo.Git(new Dictionary<string, string?> { ["DIALTONE_BIN"] = null, ["PATH"] = "/usr/bin:/bin" }, "commit", "-m", "unsigned");

        Assert.Equal(1, commit.ExitCode);
        Assert.Contains("subtask 'greet' is not signed", commit.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void InstallTwice_IsIdempotent()
    {
        using var repo = new HookedRepo();

        var again = HookedRepo.Expect(0, repo.Dialtone("--json", "hooks", "install"));

        var hooks = again.Json.GetProperty("data").GetProperty("hooks").GetProperty("hooks");
        Assert.All(hooks.EnumerateArray(), h => Assert.Equal("unchanged", h.GetProperty("action").GetString()));
        Assert.Empty(Directory.GetFiles(Path.Combine(repo.Path_, ".git", "hooks"), "*.dialtone-chained"));
    }

    [Fact]
    public void Status_WithoutHooks_SaysHowToInstall()
    {
        using var repo = new HookedRepo(install: false);

        var status = HookedRepo.Expect(0, repo.Dialtone("hooks", "status"));

        Assert.Contains("  pre-commit          missing", status.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] ./dialtone.sh hooks install\n", status.StdOut, StringComparison.Ordinal);
    }
}
