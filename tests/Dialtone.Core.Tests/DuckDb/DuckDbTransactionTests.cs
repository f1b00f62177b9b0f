using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Tests.DuckDb;

public sealed class DuckDbTransactionTests : IDisposable
{
    private readonly TempDatabaseDirectory temp = new();
    private readonly DuckDbDatabase database;
    private readonly DuckDbConnection connection;

    public DuckDbTransactionTests()
    {
        database = DuckDbDatabase.Open(temp.File());
        connection = database.Connect();
        connection.Execute("CREATE TABLE t (i INTEGER PRIMARY KEY)");
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
        temp.Dispose();
    }

    private long Count() => connection.Scalar<long>("SELECT count(*) FROM t");

    [Fact]
    public void Commit_KeepsTheChanges_ForOtherConnectionsToo()
    {
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO t VALUES ($1), ($2)", 1, 2);
            transaction.Commit();
        }

        using var other = database.Connect();
        Assert.Equal(2L, other.Scalar<long>("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Uncommitted_ChangesAreInvisibleToOtherConnections()
    {
        using var other = database.Connect();
        using var transaction = connection.BeginTransaction();
        connection.Execute("INSERT INTO t VALUES (1)");

        Assert.Equal(1L, Count());
        Assert.Equal(0L, other.Scalar<long>("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Rollback_DiscardsTheChanges()
    {
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO t VALUES (1)");
            transaction.Rollback();
        }

        Assert.Equal(0L, Count());
    }

    [Fact]
    public void Dispose_WithoutCommit_RollsBack()
    {
        void FailMidway()
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("INSERT INTO t VALUES (1)");
            throw new InvalidOperationException("something went wrong mid-transaction");
        }

        Assert.Throws<InvalidOperationException>(FailMidway);

        Assert.Equal(0L, Count());
        connection.Execute("INSERT INTO t VALUES (1)");
        Assert.Equal(1L, Count());
    }

    [Fact]
    public void AFailedStatement_AbortsTheTransaction_AndTheConnectionRecovers()
    {
        connection.Execute("INSERT INTO t VALUES (1)");
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO t VALUES (2)");
            Assert.Throws<DuckDbException>(() => connection.Execute("INSERT INTO t VALUES (1)"));

            // DuckDB alone would answer this COMMIT with success and silently roll back.
            var error = Assert.Throws<DuckDbException>(transaction.Commit);
            Assert.Equal(DuckDbErrorKind.Transaction, error.Kind);
            Assert.Contains("Nothing was committed", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1L, Count());
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO t VALUES (3)");
            transaction.Commit();
        }

        Assert.Equal(2L, Count());
    }

    [Fact]
    public void AStatementThatFailsBeforeExecuting_DoesNotAbortTheTransaction()
    {
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO t VALUES (1)");
            Assert.Throws<DuckDbException>(() => connection.Execute("SELEC 1"));
            Assert.Throws<DuckDbException>(() => connection.Execute("SELECT * FROM missing"));
            transaction.Commit();
        }

        Assert.Equal(1L, Count());
    }

    [Fact]
    public void CompletedTransaction_CannotBeCompletedAgain()
    {
        var transaction = connection.BeginTransaction();
        transaction.Commit();

        Assert.Throws<InvalidOperationException>(transaction.Commit);
        Assert.Throws<InvalidOperationException>(transaction.Rollback);
        transaction.Dispose();
        transaction.Dispose();
    }

    [Fact]
    public void NestedBegin_IsATransactionError()
    {
        using var transaction = connection.BeginTransaction();

        var error = Assert.Throws<DuckDbException>(() => connection.BeginTransaction());

        Assert.Equal(DuckDbErrorKind.Transaction, error.Kind);
    }

    [Fact]
    public void DisposingTheConnectionFirst_DiscardsTheTransaction()
    {
        using var other = database.Connect();
        var transaction = other.BeginTransaction();
        other.Execute("INSERT INTO t VALUES (1)");

        other.Dispose();
        transaction.Dispose();

        Assert.Equal(0L, Count());
    }
}
