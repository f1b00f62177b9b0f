using Dialtone.Core.Hooks;
using Dialtone.Git;
using Dialtone.Tests;

namespace Dialtone.Core.Tests.Hooks;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HookInstallerTests
{
    private const string TheirHook = "#!/bin/sh\necho \"their pre-commit\"\n";

    [Fact]
    public void Install_WritesAnExecutableShimPerHook_InTheCommonHooksDirectory()
    {
        using var repo = new TempRepo();
        var installer = new HookInstaller(Repo(repo));

        var reports = installer.Install(bin: "/opt/dialtone/dialtone.sh");

        Assert.Equal(Path.Combine(repo.Path_, ".git", "hooks"), installer.HooksDirectory);
        Assert.All(reports, r => Assert.Equal(HookAction.Installed, r.Action));
        foreach (var name in HookShim.Names)
        {
            var path = Path.Combine(repo.Path_, ".git", "hooks", name);
            Assert.Equal(HookShim.Text(name), File.ReadAllText(path));
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute));
        }

        Assert.Equal("/opt/dialtone/dialtone.sh", repo.Git("config", "--get", "dialtone.bin"));
        Assert.All(installer.Status(), r => Assert.Equal(HookState.Installed, r.State));
    }

    [Fact]
    public void Install_Twice_ChangesNothing_AndChainsNothing()
    {
        using var repo = new TempRepo();
        var installer = new HookInstaller(Repo(repo));
        installer.Install(null);

        var second = installer.Install(null);

        Assert.All(second, r => Assert.Equal(HookAction.Unchanged, r.Action));
        Assert.All(second, r => Assert.False(r.Chained));
        Assert.Empty(Directory.GetFiles(installer.HooksDirectory, "*" + HookInstaller.ChainedSuffix));
    }

    [Fact]
    public void ExistingHook_IsChained_ThenRestoredExactly()
    {
        using var repo = new TempRepo();
        var hooks = Path.Combine(repo.Path_, ".git", "hooks");
        var theirs = Path.Combine(hooks, "pre-commit");
        File.WriteAllText(theirs, TheirHook);
        File.SetUnixFileMode(theirs, (UnixFileMode)0b111_101_000);
        var installer = new HookInstaller(Repo(repo));

        var installed = installer.Install("/opt/dialtone/dialtone.sh");

        var preCommit = installed.Single(r => r.Name == "pre-commit");
        Assert.True(preCommit.Chained);
        Assert.Equal(HookState.Installed, preCommit.State);
        Assert.Equal(TheirHook, File.ReadAllText(theirs + HookInstaller.ChainedSuffix));
        Assert.Equal(HookShim.Text("pre-commit"), File.ReadAllText(theirs));

        var removed = installer.Uninstall();

        Assert.Equal(HookAction.Restored, removed.Single(r => r.Name == "pre-commit").Action);
        Assert.Equal(TheirHook, File.ReadAllText(theirs));
        Assert.Equal((UnixFileMode)0b111_101_000, File.GetUnixFileMode(theirs));
        Assert.False(File.Exists(theirs + HookInstaller.ChainedSuffix));
        Assert.False(File.Exists(Path.Combine(hooks, "post-merge")));
        Assert.Null(Repo(repo).ConfigValue(HookInstaller.BinKey));
    }

    [Fact]
    public void ExistingCoreHooksPath_IsWhereTheShimsGo()
    {
        using var repo = new TempRepo();
        repo.Write(".githooks/pre-commit", TheirHook);
        repo.Git("config", "core.hooksPath", ".githooks");
        var installer = new HookInstaller(Repo(repo));

        installer.Install(null);

        Assert.Equal(Path.Combine(repo.Path_, ".githooks"), installer.HooksDirectory);
        Assert.Equal(".githooks", installer.HooksPathSetting);
        Assert.True(repo.Exists(".githooks/pre-commit" + HookInstaller.ChainedSuffix));
        Assert.True(HookShim.IsShim(repo.Read(".githooks/commit-msg")));
        Assert.False(File.Exists(Path.Combine(repo.Path_, ".git", "hooks", "pre-commit")));
    }

    [Fact]
    public void LinkedWorktree_InstallsIntoTheCommonDirectory()
    {
        using var repo = new TempRepo();
        var worktree = repo.Sibling("linked tree");
        repo.Git("worktree", "add", "-q", "-b", "side", worktree);

        var installer = new HookInstaller(GitRepository.Discover(worktree));
        installer.Install(null);

        Assert.Equal(Path.Combine(repo.Path_, ".git", "hooks"), installer.HooksDirectory);
        Assert.True(HookShim.IsShim(File.ReadAllText(Path.Combine(repo.Path_, ".git", "hooks", "pre-commit"))));
    }

    [Fact]
    public void OutdatedShim_IsUpdatedInPlace_NotChained()
    {
        using var repo = new TempRepo();
        var path = Path.Combine(repo.Path_, ".git", "hooks", "pre-commit");
        File.WriteAllText(path, "#!/bin/sh\n" + HookShim.Marker + "v0 (pre-commit)\nexit 0\n");
        var installer = new HookInstaller(Repo(repo));
        Assert.Equal(HookState.Outdated, installer.Status().Single(r => r.Name == "pre-commit").State);

        var report = installer.Install(null).Single(r => r.Name == "pre-commit");

        Assert.Equal(HookAction.Updated, report.Action);
        Assert.False(report.Chained);
        Assert.Equal(HookShim.Text("pre-commit"), File.ReadAllText(path));
    }

    [Fact]
    public void ForeignHookOverAChainedOne_IsAConflict_AndNothingIsTouched()
    {
        using var repo = new TempRepo();
        var installer = new HookInstaller(Repo(repo));
        var path = Path.Combine(installer.HooksDirectory, "pre-commit");
        File.WriteAllText(path, TheirHook);
        installer.Install(null);
        File.WriteAllText(path, "#!/bin/sh\necho another tool replaced the shim\n");

        var again = installer.Install(null).Single(r => r.Name == "pre-commit");
        var uninstall = installer.Uninstall().Single(r => r.Name == "pre-commit");

        Assert.Equal(HookAction.Conflict, again.Action);
        Assert.Equal(HookAction.Conflict, uninstall.Action);
        Assert.Equal(TheirHook, File.ReadAllText(path + HookInstaller.ChainedSuffix));
        Assert.Contains("another tool", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Uninstall_WithoutInstall_ReportsNothingInstalled()
    {
        using var repo = new TempRepo();

        var reports = new HookInstaller(Repo(repo)).Uninstall();

        Assert.All(reports, r => Assert.Equal(HookAction.NotInstalled, r.Action));
    }

    private static GitRepository Repo(TempRepo repo) => GitRepository.Discover(repo.Path_);
}
