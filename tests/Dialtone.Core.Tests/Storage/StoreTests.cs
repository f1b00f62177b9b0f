using Dialtone.Core.Storage;
using Dialtone.Core.Tests.Records;

namespace Dialtone.Core.Tests.Storage;

public sealed class StoreTests : IDisposable
{
    private readonly string commonDir = Directory.CreateTempSubdirectory("dialtone-store-").FullName;

    private StorePaths Paths => StorePaths.ForCommonDir(commonDir);

    [Fact]
    public void NewStore_IsMigratedToLatest()
    {
        using var store = Store.Open(Paths);

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.True(File.Exists(Path.Combine(commonDir, "dialtone", "dialtone.duckdb")));
        Assert.Equal(Migrations.Latest, store.Connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM schema_version"));
    }

    [Fact]
    public void OldStore_UpgradesInPlace_KeepingData()
    {
        var v1 = Migrations.All.ToList();
        var v2 = v1.Append(new Migration(Migrations.Latest + 1, "test column", "ALTER TABLE tickets ADD COLUMN note VARCHAR DEFAULT 'upgraded'")).ToList();
        using (var old = Store.Open(Paths, migrations: v1))
        {
            old.Tickets.Save(RecordRoundTripTests.Sample());
        }

        using var upgraded = Store.Open(Paths, migrations: v2);

        Assert.Equal(Migrations.Latest + 1, upgraded.SchemaVersion);
        Assert.Equal("upgraded", upgraded.Connection.Scalar<string>("SELECT note FROM tickets WHERE name = 'round-trip'"));
        Assert.NotNull(upgraded.Tickets.Find("round-trip"));
    }

    [Fact]
    public void AStepThatArrivesAfterAHigherOne_StillRuns()
    {
        var extra = Migrations.Latest;
        var withoutMiddle = Migrations.All.Append(new Migration(extra + 2, "later step", "CREATE TABLE later_step (x INTEGER)")).ToList();
        var complete = Migrations.All
            .Append(new Migration(extra + 1, "middle step", "CREATE TABLE middle_step (x INTEGER)"))
            .Append(new Migration(extra + 2, "later step", "CREATE TABLE later_step (x INTEGER)")).ToList();
        Store.Open(Paths, migrations: withoutMiddle).Dispose();

        using var store = Store.Open(Paths, migrations: complete);

        Assert.Equal(extra + 2, store.SchemaVersion);
        Assert.Equal(1, store.Connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM information_schema.tables WHERE table_name = 'middle_step'"));
    }

    [Fact]
    public void FailingMigration_RollsBack_AndLeavesTheVersion()
    {
        var broken = Migrations.All.Append(new Migration(Migrations.Latest + 1, "broken", "CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table")).ToList();

        Assert.ThrowsAny<Exception>(() => Store.Open(Paths, migrations: broken));

        using var store = Store.Open(Paths);
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.Equal(0, store.Connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM information_schema.tables WHERE table_name = 'half'"));
    }

    [Fact]
    public void NewerStore_IsRefusedWithExitThree()
    {
        var future = Migrations.All.Append(new Migration(Migrations.Latest + 1, "future", "CREATE TABLE future (x INTEGER)")).ToList();
        Store.Open(Paths, migrations: future).Dispose();

        var error = Assert.Throws<DialtoneError>(() => Store.Open(Paths));

        Assert.Equal(ExitCodes.Environment, error.ExitCode);
        Assert.Contains("newer than this dialtone knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TicketTable_SaveFindList_RoundTrip()
    {
        var ticket = RecordRoundTripTests.Sample();
        using var store = Store.Open(Paths);
        var table = store.Tickets;

        store.InTransaction(() => table.Save(ticket));
        store.InTransaction(() => table.Save(ticket));

        RecordRoundTripTests.AssertSame(ticket, table.Find("round-trip")!);
        RecordRoundTripTests.AssertSame(ticket, table.FindByBranch("round-trip")!);
        Assert.Null(table.Find("nope"));
        Assert.Single(table.List(includeDone: false));
        Assert.Equal((1, 2), table.SubtaskCounts()["round-trip"]);
        Assert.Equal((1L, 0L, 2L), table.Counts());
    }

    [Fact]
    public void Lock_TimesOutWithExitThree_ThenFreesOnDispose()
    {
        using (Store.Open(Paths))
        {
            var error = Assert.Throws<DialtoneError>(() => StoreLock.Acquire(Paths.Lock, TimeSpan.FromMilliseconds(200)));
            Assert.Equal(ExitCodes.Environment, error.ExitCode);
        }

        using var again = StoreLock.Acquire(Paths.Lock, TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Busy_NamesTheHoldersPidAndWhatItDoes()
    {
        Directory.CreateDirectory(Paths.Directory);
        using (StoreLock.Acquire(Paths.Lock, TimeSpan.FromSeconds(5), "dialtone ticket log"))
        {
            var error = Assert.Throws<DialtoneError>(() => StoreLock.Acquire(Paths.Lock, TimeSpan.FromMilliseconds(100), "dialtone ticket status"));

            Assert.Contains($"held by pid {Environment.ProcessId} (`dialtone ticket log`) since ", error.Message, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Environment, error.ExitCode);
        }
    }

    [Fact]
    public async Task AWaiter_GetsTheLockWhenTheHolderLetsGo_AndAnAbandonedWaitDoesNotKeepIt()
    {
        Directory.CreateDirectory(Paths.Directory);
        var holder = StoreLock.Acquire(Paths.Lock, TimeSpan.FromSeconds(5), "holder");

        // One waiter gives up while the lock is held; its waiting thread must not keep the lock later.
        Assert.Throws<DialtoneError>(() => StoreLock.Acquire(Paths.Lock, TimeSpan.FromMilliseconds(50), "impatient"));
        var patient = Task.Run(() => StoreLock.Acquire(Paths.Lock, TimeSpan.FromMinutes(1), "patient"));
        Assert.NotSame(patient, await Task.WhenAny(patient, Task.Delay(100)));

        holder.Dispose();

        using (var acquired = await patient)
        {
            Assert.StartsWith($"pid {Environment.ProcessId} (`patient`)", StoreLock.DescribeHolder(Paths.Lock), StringComparison.Ordinal);
        }

        using var last = StoreLock.Acquire(Paths.Lock, TimeSpan.FromSeconds(30), "last");
    }

    public void Dispose() => Directory.Delete(commonDir, recursive: true);
}
