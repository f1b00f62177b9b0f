using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Tests.DuckDb;

public sealed class DuckDbBindingTests : IDisposable
{
    private readonly TempDatabaseDirectory temp = new();
    private readonly DuckDbDatabase database;
    private readonly DuckDbConnection connection;

    public DuckDbBindingTests()
    {
        database = DuckDbDatabase.Open(temp.File());
        connection = database.Connect();
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void EveryBindableType_RoundTripsThroughATable()
    {
        connection.Execute("""
            CREATE TABLE t (
                s VARCHAR, b BOOLEAN, i INTEGER, l BIGINT, d DOUBLE, m DOUBLE, ts TIMESTAMP,
                tso TIMESTAMP, blob BLOB, g VARCHAR, sm SMALLINT, u8 UTINYINT, f FLOAT, u64 UBIGINT, nothing VARCHAR)
            """);
        var at = new DateTime(2024, 2, 29, 13, 45, 12, DateTimeKind.Utc).AddTicks(1_234_560);
        var id = Guid.NewGuid();
        var bytes = new byte[] { 0, 1, 0, 255, 0 };

        var changed = connection.Execute(
            "INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
            "héllo wörld ✓ 𝄞", true, int.MinValue, long.MaxValue, Math.PI, 12.5m, at,
            new DateTimeOffset(2024, 2, 29, 15, 45, 12, TimeSpan.FromHours(2)), bytes, id,
            (short)-7, (byte)200, 1.25f, ulong.MaxValue, null);

        Assert.Equal(1, changed);
        using var reader = connection.Query("SELECT * FROM t");
        Assert.True(reader.Read());
        Assert.Equal("héllo wörld ✓ 𝄞", reader.GetString(0));
        Assert.True(reader.GetBoolean(1));
        Assert.Equal(int.MinValue, reader.GetInt32(2));
        Assert.Equal(long.MaxValue, reader.GetInt64(3));
        Assert.Equal(Math.PI, reader.GetDouble(4));
        Assert.Equal(12.5, reader.GetDouble(5));
        Assert.Equal(at, reader.GetDateTime(6));
        Assert.Equal(DateTimeKind.Utc, reader.GetDateTime(6).Kind);
        Assert.Equal(new DateTime(2024, 2, 29, 13, 45, 12, DateTimeKind.Utc), reader.GetDateTime(7));
        Assert.Equal(bytes, reader.GetBlob(8));
        Assert.Equal(id.ToString("D"), reader.GetString(9));
        Assert.Equal(id, reader.GetGuid(9));
        Assert.Equal((short)-7, reader.GetValue(10));
        Assert.Equal((byte)200, reader.GetValue(11));
        Assert.Equal(1.25f, reader.GetValue(12));
        Assert.Equal(ulong.MaxValue, reader.GetValue(13));
        Assert.True(reader.IsNull(14));
        Assert.Null(reader.GetValue(14));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Null_BindsIntoEveryColumnType()
    {
        connection.Execute("CREATE TABLE t (a VARCHAR, b BOOLEAN, c BIGINT, d TIMESTAMP, e BLOB, f DOUBLE)");
        connection.Execute("INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6)", null, null, null, null, null, DBNull.Value);

        using var reader = connection.Query("SELECT * FROM t");
        Assert.True(reader.Read());
        for (var i = 0; i < reader.FieldCount; i++)
        {
            Assert.True(reader.IsNull(i));
            Assert.Null(reader.GetValue(i));
        }

        Assert.Throws<InvalidCastException>(() => reader.GetString(0));
    }

    [Fact]
    public void ALoneNullArgument_BindsOneNull()
    {
        connection.Execute("CREATE TABLE t (s VARCHAR)");

        // C# hands a lone null to `params object?[]` as the array itself (nullable analysis flags
        // it, hence the `!`, but code without annotations gets no warning).
        Assert.Equal(1, connection.Execute("INSERT INTO t VALUES ($1)", null!));
        Assert.Equal(1L, connection.Scalar<long>("SELECT count(*) FROM t WHERE s IS NULL AND $1 IS NULL", null!));
    }

    [Fact]
    public void Strings_EmptyShortLongAndAMegabyte_RoundTrip()
    {
        connection.Execute("CREATE TABLE t (n INTEGER, s VARCHAR)");
        var megabyte = string.Create(1 << 20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });
        string[] values = ["", "twelve chars", "thirteen char", "ünïcødé beyond twelve bytes", "nul\0inside", megabyte];
        using (var insert = connection.Prepare("INSERT INTO t VALUES ($1, $2)"))
        {
            for (var i = 0; i < values.Length; i++)
            {
                insert.Bind(1, i).Bind(2, values[i]).ExecuteNonQuery();
            }
        }

        using var reader = connection.Query("SELECT s, length(s) FROM t ORDER BY n");
        foreach (var expected in values)
        {
            Assert.True(reader.Read());
            Assert.Equal(expected, reader.GetString(0));
        }

        Assert.Equal(1 << 20, connection.Scalar<long>("SELECT length(s) FROM t WHERE n = $1", values.Length - 1));
    }

    [Fact]
    public void Blobs_WithZeroBytesAndEmpty_RoundTrip()
    {
        connection.Execute("CREATE TABLE t (n INTEGER, b BLOB)");
        var large = new byte[100_000];
        new Random(7).NextBytes(large);
        large[0] = 0;
        large[^1] = 0;
        byte[][] values = [[], [0], [0, 0, 0], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0], large];
        for (var i = 0; i < values.Length; i++)
        {
            connection.Execute("INSERT INTO t VALUES ($1, $2)", i, values[i]);
        }

        using var reader = connection.Query("SELECT b, octet_length(b) FROM t ORDER BY n");
        foreach (var expected in values)
        {
            Assert.True(reader.Read());
            Assert.Equal(expected, reader.GetBlob(0));
            Assert.Equal(expected.Length, reader.GetInt32(1));
        }

        Assert.Equal(@"\x00\x00\x00", connection.Scalar<string>("SELECT b FROM t WHERE n = 2"));
    }

    [Fact]
    public void Timestamps_KeepMicroseconds_AreUtc_AndDropSubMicrosecondTicks()
    {
        connection.Execute("CREATE TABLE t (n INTEGER, ts TIMESTAMP, tz TIMESTAMPTZ)");
        var exact = new DateTime(2024, 2, 29, 13, 45, 12, DateTimeKind.Utc).AddTicks(1_234_560);
        var withTicks = exact.AddTicks(7);
        var beforeEpoch = new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(-5);
        var unspecified = DateTime.SpecifyKind(exact, DateTimeKind.Unspecified);
        var local = exact.ToLocalTime();
        object[] values = [exact, withTicks, beforeEpoch, unspecified, local, new DateTimeOffset(exact).ToOffset(TimeSpan.FromHours(-5))];
        for (var i = 0; i < values.Length; i++)
        {
            connection.Execute("INSERT INTO t VALUES ($1, $2, $2)", i, values[i]);
        }

        DateTime[] expected =
        [
            exact,
            exact,
            new DateTime(1969, 12, 31, 23, 59, 58, DateTimeKind.Utc).AddTicks(9_999_990),
            exact,
            exact,
            exact,
        ];
        using var reader = connection.Query("SELECT ts, tz, epoch_us(ts) FROM t ORDER BY n");
        foreach (var value in expected)
        {
            Assert.True(reader.Read());
            Assert.Equal(value, reader.GetDateTime(0));
            Assert.Equal(DateTimeKind.Utc, reader.GetDateTime(0).Kind);
            Assert.Equal(value, reader.GetDateTime(1));
            Assert.Equal(DateTimeKind.Utc, reader.GetDateTime(1).Kind);
            Assert.Equal((value.Ticks - DateTime.UnixEpoch.Ticks) / 10, reader.GetInt64(2));
        }
    }

    [Fact]
    public void Guid_BindsAsText_AndConvertsIntoAUuidColumn()
    {
        connection.Execute("CREATE TABLE t (u UUID)");
        var id = Guid.Parse("a2c7e1f0-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
        connection.Execute("INSERT INTO t VALUES ($1)", id);

        using var reader = connection.Query("SELECT u, u::VARCHAR, typeof($1) FROM t", id);
        Assert.True(reader.Read());
        Assert.Equal(id, reader.GetGuid(0));
        Assert.Equal(id, reader.GetValue(0));
        Assert.Equal("a2c7e1f0-3b4d-4e5f-8a9b-0c1d2e3f4a5b", reader.GetString(1));
        Assert.Equal("VARCHAR", reader.GetString(2));
    }

    [Fact]
    public void Decimal_BindsAsDouble()
    {
        Assert.Equal("DOUBLE", connection.Scalar<string>("SELECT typeof($1)", 1.1m));
        Assert.Equal(1.1, connection.Scalar<double>("SELECT $1", 1.1m));
    }

    [Fact]
    public void UnsupportedType_IsAnArgumentException()
    {
        using var statement = connection.Prepare("SELECT $1");

        var error = Assert.Throws<ArgumentException>(() => statement.Bind(1, TimeSpan.FromSeconds(1)));

        Assert.Contains("TimeSpan", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => statement.Bind(1, new object()));
        Assert.Throws<ArgumentException>(() => statement.Bind(1, DayOfWeek.Monday));
    }

    [Fact]
    public void ParameterCount_CountsDollarAndQuestionMarkParameters()
    {
        using var none = connection.Prepare("SELECT 1");
        using var dollars = connection.Prepare("SELECT $1, $2, $1, $3");
        using var marks = connection.Prepare("SELECT ?, ?");

        Assert.Equal(0, none.ParameterCount);
        Assert.Equal(3, dollars.ParameterCount);
        Assert.Equal(2, marks.ParameterCount);
        Assert.Equal(5L, connection.Scalar<long>("SELECT ? + ?", 2, 3));
    }

    [Fact]
    public void BindingOutsideTheParameters_OrTheWrongNumberOfValues_Throws()
    {
        using var statement = connection.Prepare("SELECT $1, $2");

        Assert.Throws<ArgumentOutOfRangeException>(() => statement.Bind(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => statement.Bind(3, 1));
        Assert.Throws<ArgumentException>(() => statement.BindAll(1));
        Assert.Throws<ArgumentException>(() => connection.Execute("SELECT $1", 1, 2));
    }

    [Fact]
    public void Statement_CanBeReboundAndReexecuted_AndClearBindingsForgetsValues()
    {
        connection.Execute("CREATE TABLE t (i INTEGER)");
        using var insert = connection.Prepare("INSERT INTO t VALUES ($1)");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(1, insert.Bind(1, i).ExecuteNonQuery());
        }

        insert.ClearBindings();

        Assert.Throws<DuckDbException>(() => insert.ExecuteNonQuery());
        Assert.Equal(45L, connection.Scalar<long>("SELECT sum(i) FROM t"));
    }

    [Fact]
    public void Execute_ReturnsRowsChanged()
    {
        connection.Execute("CREATE TABLE t (i INTEGER); INSERT INTO t SELECT * FROM range(10)");

        Assert.Equal(3, connection.Execute("UPDATE t SET i = i + 100 WHERE i < $1", 3));
        Assert.Equal(7, connection.Execute("DELETE FROM t WHERE i < $1", 100));
        Assert.Equal(0, connection.Execute("SELECT * FROM t WHERE i > $1", 0));
    }
}
