using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Tests.DuckDb;

public sealed class DuckDbErrorTests : IDisposable
{
    private readonly TempDatabaseDirectory temp = new();
    private readonly DuckDbDatabase database;
    private readonly DuckDbConnection connection;

    public DuckDbErrorTests()
    {
        database = DuckDbDatabase.Open(temp.File());
        connection = database.Connect();
        connection.Execute("CREATE TABLE t (i INTEGER PRIMARY KEY, s VARCHAR NOT NULL)");
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void SyntaxError_IsAParserError_WithDuckDbsMessage()
    {
        var direct = Assert.Throws<DuckDbException>(() => connection.Execute("SELEC 1"));
        var prepared = Assert.Throws<DuckDbException>(() => connection.Execute("SELEC $1", 1));
        var query = Assert.Throws<DuckDbException>(() => connection.Query("SELEC 1"));

        foreach (var error in new[] { direct, prepared, query })
        {
            Assert.Equal(DuckDbErrorKind.Parser, error.Kind);
            Assert.Equal(14, error.NativeErrorType);
            Assert.StartsWith("Parser Error: syntax error at or near \"SELEC\"", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ConstraintViolations_AreConstraintErrors()
    {
        connection.Execute("INSERT INTO t VALUES (1, 'one')");

        var duplicate = Assert.Throws<DuckDbException>(() => connection.Execute("INSERT INTO t VALUES (1, 'again')"));
        var preparedDuplicate = Assert.Throws<DuckDbException>(() => connection.Execute("INSERT INTO t VALUES ($1, $2)", 1, "again"));
        var notNull = Assert.Throws<DuckDbException>(() => connection.Execute("INSERT INTO t VALUES ($1, $2)", 2, null));

        Assert.All(new[] { duplicate, preparedDuplicate, notNull }, error => Assert.Equal(DuckDbErrorKind.Constraint, error.Kind));
        Assert.StartsWith("Constraint Error: Duplicate key \"i: 1\"", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(18, preparedDuplicate.NativeErrorType);
    }

    [Theory]
    [InlineData("SELECT * FROM missing", DuckDbErrorKind.Catalog)]
    [InlineData("SELECT nope FROM t", DuckDbErrorKind.Binder)]
    [InlineData("SELECT 'x'::INTEGER", DuckDbErrorKind.Conversion)]
    [InlineData("SELECT 300::TINYINT", DuckDbErrorKind.Conversion)]
    public void ErrorCategories_AreMapped_BothDirectAndPrepared(string sql, DuckDbErrorKind kind)
    {
        Assert.Equal(kind, Assert.Throws<DuckDbException>(() => connection.Execute(sql)).Kind);
        Assert.Equal(kind, Assert.Throws<DuckDbException>(() => connection.Scalar<object>(sql + " WHERE $1", true)).Kind);
    }

    [Theory]
    [InlineData(18, "Constraint Error: x", DuckDbErrorKind.Constraint)]
    [InlineData(28, "IO Error: Could not set lock on file \"/x\": Conflicting lock is held", DuckDbErrorKind.Lock)]
    [InlineData(28, "IO Error: Cannot open file", DuckDbErrorKind.Io)]
    [InlineData(10, "TransactionContext Error: Catalog write-write conflict", DuckDbErrorKind.Transaction)]
    [InlineData(22, "Syntax Error: x", DuckDbErrorKind.Parser)]
    [InlineData(32, "Invalid Input Error: x", DuckDbErrorKind.Other)]
    [InlineData(0, "no prefix", DuckDbErrorKind.Unknown)]
    public void Kinds_FollowDuckDbsErrorTypes(int nativeType, string message, DuckDbErrorKind kind)
    {
        Assert.Equal(kind, new DuckDbException(message, nativeType).Kind);
        Assert.Equal(nativeType, new DuckDbException(message).NativeErrorType);
    }
}
