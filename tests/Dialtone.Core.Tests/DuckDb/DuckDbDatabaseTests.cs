using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Tests.DuckDb;

public sealed class DuckDbDatabaseTests : IDisposable
{
    private readonly TempDatabaseDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Open_CreatesTheFile_AndDataSurvivesReopening()
    {
        var path = temp.File();
        using (var database = DuckDbDatabase.Open(path))
        using (var connection = database.Connect())
        {
            Assert.Equal(path, database.Path);
            Assert.False(database.IsReadOnly);
            connection.Execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR); INSERT INTO notes VALUES (1, 'kept')");
        }

        Assert.True(File.Exists(path));
        using (var database = DuckDbDatabase.Open(path))
        using (var connection = database.Connect())
        {
            Assert.Equal("kept", connection.Scalar<string>("SELECT body FROM notes WHERE id = 1"));
        }
    }

    [Fact]
    public void Path_IsAbsolute()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, temp.File());

        using var database = DuckDbDatabase.Open(relative);

        Assert.Equal(temp.File(), database.Path);
    }

    [Fact]
    public void ReadOnly_CanReadButNotWrite()
    {
        var path = temp.File();
        using (var database = DuckDbDatabase.Open(path))
        using (var connection = database.Connect())
        {
            connection.Execute("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (7)");
        }

        using var readOnly = DuckDbDatabase.Open(path, readOnly: true);
        using var reader = readOnly.Connect();

        Assert.True(readOnly.IsReadOnly);
        Assert.Equal(7, reader.Scalar<int>("SELECT i FROM t"));
        var error = Assert.Throws<DuckDbException>(() => reader.Execute("INSERT INTO t VALUES (8)"));
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Throws<DuckDbException>(() => reader.Execute("CREATE TABLE u (i INTEGER)"));
    }

    [Fact]
    public void ReadOnly_OfAMissingFile_FailsWithoutCreatingIt()
    {
        var path = temp.File("absent.duckdb");

        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(path, readOnly: true));

        Assert.Equal(DuckDbErrorKind.Io, error.Kind);
        Assert.Equal(28, error.NativeErrorType);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Open_InAMissingDirectory_FailsWithDuckDbsMessage()
    {
        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(temp.File("no/such/dir/x.duckdb")));

        Assert.Equal(DuckDbErrorKind.Io, error.Kind);
        Assert.StartsWith("IO Error:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtensionAutoInstallAndAutoLoad_AreOff()
    {
        using var database = DuckDbDatabase.Open(temp.File());
        using var connection = database.Connect();

        Assert.Equal("false", connection.Scalar<string>("SELECT current_setting('autoload_known_extensions')"));
        Assert.Equal("false", connection.Scalar<string>("SELECT current_setting('autoinstall_known_extensions')"));
    }

    [Fact]
    public void Connections_UseUtcAsTheSessionTimeZone()
    {
        using var database = DuckDbDatabase.Open(temp.File());
        using var connection = database.Connect();

        Assert.Equal("UTC", connection.Scalar<string>("SELECT current_setting('TimeZone')"));
    }

    [Fact]
    public void TimestampTz_RoundTrips_EvenWhenTheMachineIsNotInUtc()
    {
        // A separate process, because ICU picks its default zone from TZ once per process.
        var outcome = ChildProcess.Run(
            new Dictionary<string, string?> { ["TZ"] = "America/New_York" },
            "timestamptz",
            temp.File());

        Assert.Equal("same|UTC|2024-07-01T12:30:45.1234560Z", outcome.Line);
    }

    [Fact]
    public void SecondReadWriteOpen_FromAnotherProcess_FailsWithLock()
    {
        var path = temp.File();
        using var holder = DuckDbDatabase.Open(path);

        var readWrite = ChildProcess.Run(null, "open", path, "read-write");
        var readOnly = ChildProcess.Run(null, "open", path, "read-only");

        Assert.StartsWith($"DuckDbException|Lock|IO Error: Could not set lock on file \"{path}\"", readWrite.Line, StringComparison.Ordinal);
        Assert.StartsWith("DuckDbException|Lock|", readOnly.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherProcess_CanOpenTheFileOnceItIsClosed()
    {
        var path = temp.File();
        DuckDbDatabase.Open(path).Dispose();

        Assert.Equal("opened", ChildProcess.Run(null, "open", path, "read-write").Line);
    }

    [Fact]
    public void SecondOpen_InThisProcess_FailsWithLock_UntilEverythingIsClosed()
    {
        // DuckDB itself would allow this (its lock never conflicts within a process) and then two
        // instances would write one file; the binding refuses instead.
        var path = temp.File();
        var first = DuckDbDatabase.Open(path);
        var connection = first.Connect();

        Assert.Equal(DuckDbErrorKind.Lock, Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(path)).Kind);
        Assert.Equal(DuckDbErrorKind.Lock, Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(path, readOnly: true)).Kind);

        // The connection keeps DuckDB's instance (and its file lock) alive after the database is disposed.
        first.Dispose();
        Assert.Equal(DuckDbErrorKind.Lock, Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(path)).Kind);
        Assert.Equal(1, connection.Scalar<int>("SELECT 1"));

        connection.Dispose();
        using var reopened = DuckDbDatabase.Open(path);
    }

    [Fact]
    public void TwoReadOnlyOpens_InThisProcess_AreAllowed()
    {
        var path = temp.File();
        DuckDbDatabase.Open(path).Dispose();

        using var first = DuckDbDatabase.Open(path, readOnly: true);
        using var second = DuckDbDatabase.Open(path, readOnly: true);

        Assert.Equal(DuckDbErrorKind.Lock, Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(path)).Kind);
    }

    [Fact]
    public void InMemory_Works()
    {
        using var database = DuckDbDatabase.Open(":memory:");
        using var connection = database.Connect();

        Assert.Equal(42L, connection.Scalar<long>("SELECT 42"));
    }

    [Fact]
    public void DoubleDispose_IsHarmless_AndUseAfterDispose_Throws()
    {
        var database = DuckDbDatabase.Open(temp.File());
        var connection = database.Connect();
        var statement = connection.Prepare("SELECT $1::INTEGER");
        var reader = connection.Query("SELECT 1");

        reader.Dispose();
        reader.Dispose();
        statement.Dispose();
        statement.Dispose();
        connection.Dispose();
        connection.Dispose();
        database.Dispose();
        database.Dispose();

        Assert.Throws<ObjectDisposedException>(() => reader.Read());
        Assert.Throws<ObjectDisposedException>(() => statement.Bind(1, 1));
        Assert.Throws<ObjectDisposedException>(() => connection.Execute("SELECT 1"));
        Assert.Throws<ObjectDisposedException>(() => database.Connect());
    }
}
