using System.Globalization;
using System.Text;
using Dialtone.Core.Grants;
using Dialtone.Git.Processes;
using Microsoft.Extensions.Time.Testing;

namespace Dialtone.Core.Tests.Grants;

/// <summary>
/// The supervisor with real processes on a fake clock: the command sees the secret, its output is
/// masked, it is stopped when the clock reaches the expiry with everything it started (even
/// double-forked), a command that ignores SIGTERM is killed after the grace period, and the
/// warning lands on a line of its own. The clock moves only when the test moves it.
/// </summary>
public sealed class GrantSupervisorTests : IDisposable
{
    private const string Secret = "sk_test_supervised_0123456789";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly string directory = Directory.CreateTempSubdirectory("dialtone-supervisor-").FullName;
    private readonly string cookie = Guid.NewGuid().ToString("N");
    private readonly MemoryStream stdout = new();
    private readonly SharedStream stderrBytes = new();
    private readonly LineSafeWriter stderr;
    private readonly List<int> started = [];
    private int warnings;

    public GrantSupervisorTests() => stderr = new LineSafeWriter(stderrBytes);

    private string Stdout => Encoding.UTF8.GetString(stdout.ToArray());

    private string Stderr => stderrBytes.Text;

    /// <summary>Runs the supervisor on another thread, so the test can move the clock while the command runs.</summary>
    private Task<SupervisorOutcome> Start(string script, TimeSpan expiresIn, TimeSpan? grace = null, TimeSpan? warnBefore = null)
    {
        var command = new SupervisedCommand
        {
            Arguments = ["/bin/sh", "-c", script],
            WorkingDirectory = directory,
            Environment = new Dictionary<string, string> { ["KEY"] = Secret, [ProcessTree.CookieVariable] = cookie },
            ExpiresAt = time.GetUtcNow() + expiresIn,
            Grace = grace ?? TimeSpan.FromSeconds(1),
            WarnBefore = warnBefore ?? TimeSpan.FromMinutes(1),
            Cookie = cookie,
            Mask = SecretMask.Of("KEY", Secret),
        };
        return Task.Factory.StartNew(
            () =>
            {
                using var signals = new GrantSignals();
                return GrantSupervisor.Run(command, time, signals, stdout, stderr, started.Add, () =>
                {
                    warnings++;
                    stderr.WriteLine("[WARN] one minute left");
                });
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private int Pid(string file) => int.Parse(File.ReadAllText(Path.Combine(directory, file)).Trim(), CultureInfo.InvariantCulture);

    /// <summary>Polls for what the command does once it runs (a file it wrote, a line it printed).</summary>
    private static async Task Until(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), $"the command never got as far as: {what}");
    }

    private Task UntilFile(string name) => Until(() => File.Exists(Path.Combine(directory, name)), name);

    [Fact]
    public async Task TheCommand_SeesTheSecret_ButItsOutputIsMasked_AndItsExitCodeComesBack()
    {
        var outcome = await Start("printf '%s' \"$KEY\" > seen; echo \"key=$KEY\"; printf 'err %s' \"$KEY\" >&2; exit 7", TimeSpan.FromMinutes(5));

        Assert.Equal(Secret, File.ReadAllText(Path.Combine(directory, "seen")));
        Assert.Equal("key=<redacted:KEY>\n", Stdout);
        Assert.Equal("err <redacted:KEY>", Stderr);
        Assert.Equal(7, outcome.ExitCode);
        Assert.False(outcome.Expired);
        Assert.Equal([outcome.Pid], started);
        Assert.Equal(0, warnings);
    }

    [Fact]
    public async Task AtExpiry_TheWholeTreeIsStopped_IncludingWhatDoubleForked()
    {
        var run = Start(
            "sh -c 'sleep 60' & echo $! > child.pid; (sleep 61 & echo $! > orphan.pid); echo running; : > ready; wait",
            TimeSpan.FromSeconds(1.5));
        await UntilFile("ready");

        time.Advance(TimeSpan.FromSeconds(1.4));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var outcome = await run;

        Assert.True(outcome.Expired);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(10), outcome.Elapsed.ToString());
        Assert.Equal("running\n", Stdout);
        Assert.False(ProcessTree.IsAlive(Pid("child.pid")));
        Assert.False(ProcessTree.IsAlive(Pid("orphan.pid")));
        Assert.False(ProcessTree.IsAlive(outcome.Pid));
    }

    [Fact]
    public async Task ACommandIgnoringSigterm_IsKilledAfterTheGrace()
    {
        var run = Start("trap '' TERM; echo $$ > self.pid; while :; do sleep 0.1; done", TimeSpan.FromSeconds(1), grace: TimeSpan.FromSeconds(1));
        await UntilFile("self.pid");

        time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await run;

        Assert.True(outcome.Expired);
        Assert.Equal(128 + 9, outcome.ExitCode);

        // The grace is real time: SIGKILL comes only after it, however fast the clock moved.
        Assert.InRange(outcome.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.False(ProcessTree.IsAlive(Pid("self.pid")));
    }

    [Fact]
    public async Task TheWarning_ComesOnce_BeforeExpiry_OnALineOfItsOwn()
    {
        var run = Start("printf 'half a line' >&2; sleep 60", TimeSpan.FromSeconds(2), warnBefore: TimeSpan.FromSeconds(1));
        await Until(() => Stderr.Length > 0, "half a line on stderr");

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, warnings);
        Assert.Equal("half a line\n[WARN] one minute left\n", Stderr);
        Assert.False(run.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await run;

        Assert.True(outcome.Expired);
        Assert.Equal(1, warnings);
        Assert.StartsWith("half a line\n[WARN] one minute left\n", Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGrantShorterThanTheWarning_GetsNoWarning()
    {
        var run = Start("echo $$ > self.pid; sleep 60", TimeSpan.FromSeconds(30));
        await UntilFile("self.pid");

        time.Advance(TimeSpan.FromSeconds(30));
        var outcome = await run;

        Assert.True(outcome.Expired);
        Assert.Equal(0, warnings);
    }

    [Fact]
    public async Task WhatTheCommandLeavesRunning_IsStoppedWhenItExits()
    {
        var outcome = await Start("(sleep 60 & echo $! > background.pid); echo done", TimeSpan.FromMinutes(5));

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

    /// <summary>Stderr as the test reads it while the command's output still arrives on another thread.</summary>
    private sealed class SharedStream : MemoryStream
    {
        private readonly Lock gate = new();

        public string Text
        {
            get
            {
                lock (gate)
                {
                    return Encoding.UTF8.GetString(ToArray());
                }
            }
        }

        // A derived MemoryStream's span overload calls the array one, which takes the lock.
        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (gate)
            {
                base.Write(buffer, offset, count);
            }
        }
    }
}
