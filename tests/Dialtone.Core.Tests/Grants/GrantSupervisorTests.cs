using System.Globalization;
using System.Text;
using Dialtone.Core.Grants;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Tests.Grants;

/// <summary>
/// The supervisor with real processes: the command sees the secret, its output is masked, it is
/// stopped at expiry with everything it started (even double-forked), a command that ignores
/// SIGTERM is killed after the grace period, and the warning lands on a line of its own.
/// </summary>
public sealed class GrantSupervisorTests : IDisposable
{
    private const string Secret = "sk_test_supervised_0123456789";

    private readonly string directory = Directory.CreateTempSubdirectory("dialtone-supervisor-").FullName;
    private readonly string cookie = Guid.NewGuid().ToString("N");
    private readonly MemoryStream stdout = new();
    private readonly MemoryStream stderrBytes = new();
    private readonly LineSafeWriter stderr;
    private readonly List<int> started = [];
    private int warnings;

    public GrantSupervisorTests() => stderr = new LineSafeWriter(stderrBytes);

    private string Stdout => Encoding.UTF8.GetString(stdout.ToArray());

    private string Stderr => Encoding.UTF8.GetString(stderrBytes.ToArray());

    private SupervisorOutcome Run(string script, TimeSpan expiresIn, TimeSpan? grace = null, TimeSpan? warnBefore = null)
    {
        var command = new SupervisedCommand
        {
            Arguments = ["/bin/sh", "-c", script],
            WorkingDirectory = directory,
            Environment = new Dictionary<string, string> { ["KEY"] = Secret, [ProcessTree.CookieVariable] = cookie },
            ExpiresAt = DateTimeOffset.UtcNow + expiresIn,
            Grace = grace ?? TimeSpan.FromSeconds(1),
            WarnBefore = warnBefore ?? TimeSpan.FromMinutes(1),
            Cookie = cookie,
            SecretForms = SecretForms.Of(Secret),
            Variable = "KEY",
        };
        using var signals = new GrantSignals();
        return GrantSupervisor.Run(command, signals, stdout, stderr, started.Add, () =>
        {
            warnings++;
            stderr.WriteLine("[WARN] one minute left");
        });
    }

    private int Pid(string file) => int.Parse(File.ReadAllText(Path.Combine(directory, file)).Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public void TheCommand_SeesTheSecret_ButItsOutputIsMasked_AndItsExitCodeComesBack()
    {
        var outcome = Run("printf '%s' \"$KEY\" > seen; echo \"key=$KEY\"; printf 'err %s' \"$KEY\" >&2; exit 7", TimeSpan.FromMinutes(5));

        Assert.Equal(Secret, File.ReadAllText(Path.Combine(directory, "seen")));
        Assert.Equal("key=<redacted:KEY>\n", Stdout);
        Assert.Equal("err <redacted:KEY>", Stderr);
        Assert.Equal(7, outcome.ExitCode);
        Assert.False(outcome.Expired);
        Assert.Equal([outcome.Pid], started);
        Assert.Equal(0, warnings);
    }

    [Fact]
    public void AtExpiry_TheWholeTreeIsStopped_IncludingWhatDoubleForked()
    {
        var outcome = Run(
            "sh -c 'sleep 60' & echo $! > child.pid; (sleep 61 & echo $! > orphan.pid); echo running; wait",
            TimeSpan.FromSeconds(1.5));

        Assert.True(outcome.Expired);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(10), outcome.Elapsed.ToString());
        Assert.Equal("running\n", Stdout);
        Assert.False(ProcessTree.IsAlive(Pid("child.pid")));
        Assert.False(ProcessTree.IsAlive(Pid("orphan.pid")));
        Assert.False(ProcessTree.IsAlive(outcome.Pid));
    }

    [Fact]
    public void ACommandIgnoringSigterm_IsKilledAfterTheGrace()
    {
        var outcome = Run("trap '' TERM; echo $$ > self.pid; while :; do sleep 0.1; done", TimeSpan.FromSeconds(1), grace: TimeSpan.FromSeconds(1));

        Assert.True(outcome.Expired);
        Assert.Equal(128 + 9, outcome.ExitCode);
        Assert.InRange(outcome.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(10));
        Assert.False(ProcessTree.IsAlive(Pid("self.pid")));
    }

    [Fact]
    public void TheWarning_ComesOnce_BeforeExpiry_OnALineOfItsOwn()
    {
        var outcome = Run("printf 'half a line' >&2; sleep 10", TimeSpan.FromSeconds(2), warnBefore: TimeSpan.FromSeconds(1));

        Assert.True(outcome.Expired);
        Assert.Equal(1, warnings);
        Assert.StartsWith("half a line\n[WARN] one minute left\n", Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatTheCommandLeavesRunning_IsStoppedWhenItExits()
    {
        var outcome = Run("(sleep 60 & echo $! > background.pid); echo done", TimeSpan.FromMinutes(5));

        Assert.False(outcome.Expired);
        Assert.Equal(0, outcome.ExitCode);
        Assert.True(outcome.LeftoversStopped >= 1);
        Assert.False(ProcessTree.IsAlive(Pid("background.pid")));
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(10), outcome.Elapsed.ToString());
        Assert.Equal("done\n", Stdout);
    }

    public void Dispose()
    {
        ProcessTree.Stop(null, cookie, TimeSpan.Zero);
        stdout.Dispose();
        stderrBytes.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
