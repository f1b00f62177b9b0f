using System.Globalization;
using Dialtone.Cli.Tests.Grants;
using Dialtone.Git.Processes;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// A test command and everything it starts live no longer than the dialtone that runs them: Ctrl-C
/// or SIGTERM stops them with it, and after a `kill -9` of dialtone the next command finds them and
/// stops them. A test that leaves a background child holding its output does not stall the run.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProcessLifetimeTests
{
    /// <summary>A test that writes its own pid and a child's pid outside the work tree, then waits.</summary>
    private static (TempRepo Repo, string ShellPid, string ChildPid) SleepingTest()
    {
        var repo = new TempRepo();
        var shellPid = repo.Sibling("shell.pid");
        var childPid = repo.Sibling("child.pid");
        Story.StartWith(repo, "lifetime", "waits", $"sleep 300 & echo $! > {childPid}; echo $$ > {shellPid}; wait");
        return (repo, shellPid, childPid);
    }

    private static async Task<int> PidFrom(string file)
    {
        for (var i = 0; i < 1500 && !(File.Exists(file) && File.ReadAllText(file).Trim().Length > 0); i++)
        {
            await Task.Delay(20);
        }

        return int.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture);
    }

    private static async Task<bool> Gone(int pid)
    {
        for (var i = 0; i < 500 && ProcessTree.IsAlive(pid); i++)
        {
            await Task.Delay(20);
        }

        return !ProcessTree.IsAlive(pid);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task ASignalToNext_StopsTheTestAndItsChildren(string signal)
    {
        var (repo, shellPid, childPid) = SleepingTest();
        using (repo)
        {
            using var next = new RunningCli(repo.Path_, ["ticket", "next"]);
            var shell = await PidFrom(shellPid);
            var child = await PidFrom(childPid);

            await next.Signal(signal);
            var result = await next.Finish();

            Assert.True(await Gone(shell), $"the test shell {shell} is still running");
            Assert.True(await Gone(child), $"the test's child {child} is still running");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains($"Interrupted (SIG{signal})", result.StdOut, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.StdOut + result.StdErr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AfterKill9OfDialtone_TheNextCommandStopsTheOrphanedTest()
    {
        var (repo, shellPid, childPid) = SleepingTest();
        using (repo)
        {
            using var next = new RunningCli(repo.Path_, ["ticket", "next"]);
            var shell = await PidFrom(shellPid);
            var child = await PidFrom(childPid);

            await next.Signal("KILL");
            await next.Finish();
            Assert.True(ProcessTree.IsAlive(child), "the orphan should outlive a SIGKILLed dialtone until the next command");

            var status = Cli.Run(repo.Path_, "ticket", "status");

            Assert.True(status.ExitCode == 0, status.ToString());
            Assert.Contains("[WARN] Stopped a test left running by a dialtone that was killed", status.StdOut, StringComparison.Ordinal);
            Assert.True(await Gone(shell), $"the orphaned shell {shell} is still running");
            Assert.True(await Gone(child), $"the orphaned child {child} is still running");
            Assert.DoesNotContain("Stopped a test", Cli.Run(repo.Path_, "ticket", "status").StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ABackgroundChildHoldingTheOutput_DoesNotStallTheRun_AndIsStopped()
    {
        using var repo = new TempRepo();
        var childPid = repo.Sibling("background.pid");
        Story.StartWith(repo, "background", "leaves-a-child", $"sleep 300 & echo $! > {childPid}; echo started");

        var next = Cli.Run(repo.Path_, "ticket", "next");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains("[PASS]", next.StdOut, StringComparison.Ordinal);
        Assert.True(await Gone(await PidFrom(childPid)), "the background child outlived the run");
    }
}
