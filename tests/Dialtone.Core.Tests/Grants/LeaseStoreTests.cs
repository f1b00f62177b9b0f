using Dialtone.Core.Grants;
using Dialtone.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Dialtone.Core.Tests.Grants;

/// <summary>Leases in a real store: one claim wins, what is due, and the lazy sweep that revokes in the background.</summary>
public sealed class LeaseStoreTests : IDisposable
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    private readonly string root = Directory.CreateTempSubdirectory("dialtone-leases-").FullName;

    private StorePaths Paths => StorePaths.ForCommonDir(Path.Combine(root, "git"));

    private Lease NewLease(string mode, DateTimeOffset expiresAt, string? revoke = null) => new()
    {
        Ticket = "demo",
        Scope = "stripe-sandbox",
        EnvVar = "STRIPE_API_KEY",
        Mode = mode,
        IssuedBy = "dev",
        IssuedAt = expiresAt.AddMinutes(-10),
        ExpiresAt = expiresAt,
        WorkTree = root,
        RevokeCommand = revoke,
    };

    [Fact]
    public void Insert_Find_Minted_Started_Claim()
    {
        using var store = Store.Open(Paths);
        var leases = store.Leases;
        var now = Clock.Now(Time);

        var id = leases.Insert(NewLease("run", now.AddMinutes(10)));
        leases.Minted(id, new string('a', 64), now.AddMinutes(5), "npm test");
        leases.Started(id, 4242);

        Assert.True(leases.Claim(id, "finished", now, 0));
        Assert.False(leases.Claim(id, "revoked", now));
        var lease = leases.Find(id)!;
        Assert.Equal(now.AddMinutes(5), lease.ExpiresAt);
        Assert.Equal(4242, lease.Pid);
        Assert.Equal("npm test", lease.Command);
        Assert.Equal("finished", lease.Reason);
        Assert.Equal(0, lease.ExitCode);
        Assert.False(lease.IsActive);
        Assert.Empty(leases.Active());
    }

    [Fact]
    public void Due_EvalAtExpiry_SupervisedOnlyWhenTheirSupervisorIsLate()
    {
        using var store = Store.Open(Paths);
        var leases = store.Leases;
        var now = Clock.Now(Time);
        var evalExpired = leases.Insert(NewLease("eval", now.AddSeconds(-1)));
        leases.Insert(NewLease("eval", now.AddMinutes(1)));
        leases.Insert(NewLease("run", now.AddSeconds(-30)));
        var runAbandoned = leases.Insert(NewLease("run", now.AddMinutes(-5)));

        Assert.Equal([evalExpired, runAbandoned], leases.Due(now, LeaseSweeper.SupervisedMargin).Select(l => l.Id));
    }

    [Fact]
    public async Task TheSweep_ClaimsLogsAndStartsTheRevokeCommand_InTheBackground()
    {
        var marker = NamedPipe("revoked");
        var revoke = ToolCommand.ForShell($"echo \"$DIALTONE_GRANT_ID $DIALTONE_GRANT_REASON $DIALTONE_GRANT_SCOPE\" >> '{marker}'").ToJson();
        long id;
        using (var store = Store.Open(Paths))
        {
            id = store.Leases.Insert(NewLease("eval", Clock.Now(Time).AddSeconds(-1), revoke));
            LeaseSweeper.NoteLeases(store);
        }

        Assert.True(File.Exists(NextExpiryFile));

        using (var store = LeaseSweeper.RevokeExpired(Store.Open(Paths), root, Clock.Now(Time)))
        {
            var lease = store.Leases.Find(id)!;
            Assert.Equal("expired", lease.Reason);
            Assert.StartsWith("started in the background", lease.RevokeStatus, StringComparison.Ordinal);
            Assert.Equal(1, store.Connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM log WHERE kind = 'grant' AND ticket = 'demo'"));
        }

        // Reading the pipe waits for the background revoke's write; it logged its header before that.
        Assert.Equal($"{id} expired stripe-sandbox\n", await ReadPipe(marker));
        Assert.Contains($"grant #{id} (stripe-sandbox): expired", File.ReadAllText(Path.Combine(Paths.Directory, Revocation.LogFileName)), StringComparison.Ordinal);

        // Swept once: nothing is open any more, so later commands do not even query.
        Assert.False(File.Exists(NextExpiryFile));
        using (var again = LeaseSweeper.RevokeExpired(Store.Open(Paths), root, Clock.Now(Time)))
        {
            Assert.Empty(again.Leases.Due(Clock.Now(Time), LeaseSweeper.SupervisedMargin));
        }
    }

    [Fact]
    public void AFailingSweep_NeverFailsTheCommandThatOpenedTheStore()
    {
        using (var store = Store.Open(Paths))
        {
            store.Leases.Insert(NewLease("eval", Clock.Now(Time).AddSeconds(-1), "\"/no/such/revoke\""));
            LeaseSweeper.NoteLeases(store);
            store.Connection.Execute("ALTER TABLE leases RENAME TO leases_gone");
        }

        using var reopened = LeaseSweeper.RevokeExpired(Store.Open(Paths), root, Clock.Now(Time));

        Assert.Equal(1, reopened.Connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM leases_gone"));
    }

    [Fact]
    public void ARevokeCommandThatCannotRun_IsRecorded_NotThrown()
    {
        using (var store = Store.Open(Paths))
        {
            store.Leases.Insert(NewLease("eval", Clock.Now(Time).AddSeconds(-1), "[\"/no/such/revoke\"]"));
            LeaseSweeper.NoteLeases(store);
        }

        using var swept = LeaseSweeper.RevokeExpired(Store.Open(Paths), root, Clock.Now(Time));

        // The shell starts; the missing program fails inside it, and its complaint goes to the revoke log.
        Assert.Single(swept.Leases.Recent(null, null), l => l.Reason == "expired");
    }

    [Fact]
    public void TheNextExpiryFile_FollowsTheOpenLeases_SoIdleCommandsSkipTheQuery()
    {
        using var store = Store.Open(Paths);
        var leases = store.Leases;
        var now = Clock.Now(Time);
        var later = leases.Insert(NewLease("eval", now.AddMinutes(30)));
        var sooner = leases.Insert(NewLease("run", now.AddMinutes(5)));
        LeaseSweeper.NoteLeases(store);

        Assert.Equal(now.AddMinutes(5), DateTimeOffset.Parse(File.ReadAllText(NextExpiryFile), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(LeaseSweeper.Sweep(store, root, now));

        leases.Claim(sooner, "finished", now);
        leases.Claim(later, "revoked", now);
        LeaseSweeper.NoteLeases(store);
        Assert.False(File.Exists(NextExpiryFile));

        // Garbage in the file only costs a query.
        File.WriteAllText(NextExpiryFile, "not a time");
        Assert.Empty(LeaseSweeper.Sweep(store, root, now));
        Assert.False(File.Exists(NextExpiryFile));
    }

    private string NextExpiryFile => Path.Combine(Paths.Directory, LeaseSweeper.NextExpiryFileName);

    /// <summary>A FIFO in the temp directory: the background revoke writes to it, the test blocks reading it.</summary>
    private string NamedPipe(string name)
    {
        var path = Path.Combine(root, name);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Everything one writer writes into the pipe: opening it waits for the writer, reading ends when it closes.</summary>
    private static Task<string> ReadPipe(string path) =>
        Task.Run(() => File.ReadAllText(path)).WaitAsync(TimeSpan.FromMinutes(1));

    public void Dispose() => Directory.Delete(root, recursive: true);
}
