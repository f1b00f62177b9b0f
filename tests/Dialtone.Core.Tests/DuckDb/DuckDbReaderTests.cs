using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Tests.DuckDb;

public sealed class DuckDbReaderTests : IDisposable
{
    private readonly TempDatabaseDirectory temp = new();
    private readonly DuckDbDatabase database;
    private readonly DuckDbConnection connection;

    public DuckDbReaderTests()
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
    public void ManyRows_AcrossSeveralChunks_ReadBackInOrder()
    {
        // 5000 rows is three DuckDB chunks (2048 rows each); strings mix the inline (≤ 12 bytes)
        // and pointer layouts, and every seventh value is NULL.
        connection.Execute("""
            CREATE TABLE big AS
            SELECT i::BIGINT AS i,
                   'row-' || i AS short_text,
                   repeat('x', (i % 40)::INTEGER) || i AS long_text,
                   CASE WHEN i % 7 = 0 THEN NULL ELSE i * 1.5 END::DOUBLE AS maybe
            FROM range(5000) t(i)
            """);

        using var reader = connection.Query("SELECT i, short_text, long_text, maybe FROM big ORDER BY i");
        var count = 0;
        while (reader.Read())
        {
            Assert.Equal(count, reader.GetInt64(0));
            Assert.Equal($"row-{count}", reader.GetString(1));
            Assert.Equal(new string('x', count % 40) + count, reader.GetString(2));
            if (count % 7 == 0)
            {
                Assert.True(reader.IsNull(3));
            }
            else
            {
                Assert.False(reader.IsNull(3));
                Assert.Equal(count * 1.5, reader.GetDouble(3));
            }

            count++;
        }

        Assert.Equal(5000, count);
        Assert.False(reader.Read());
    }

    [Fact]
    public void ManyRows_InsertedThroughOnePreparedStatement_InATransaction()
    {
        connection.Execute("CREATE TABLE t (i INTEGER, s VARCHAR, ts TIMESTAMP)");
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.Prepare("INSERT INTO t VALUES ($1, $2, $3)"))
        {
            for (var i = 0; i < 3000; i++)
            {
                insert.BindAll(i, i % 5 == 0 ? null : $"value number {i}", start.AddSeconds(i)).ExecuteNonQuery();
            }

            transaction.Commit();
        }

        using var reader = connection.Query("SELECT i, s, ts FROM t ORDER BY i");
        var row = 0;
        while (reader.Read())
        {
            Assert.Equal(row, reader.GetInt32(0));
            Assert.Equal(row % 5 == 0 ? null : $"value number {row}", reader.IsNull(1) ? null : reader.GetString(1));
            Assert.Equal(start.AddSeconds(row), reader.GetDateTime(2));
            row++;
        }

        Assert.Equal(3000, row);
    }

    [Fact]
    public void GetValue_ReturnsNaturalDotNetTypes()
    {
        connection.Execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        using var reader = connection.Query("""
            SELECT true, 1::TINYINT, 2::SMALLINT, 3::INTEGER, 4::BIGINT, 5::UTINYINT, 6::USMALLINT, 7::UINTEGER,
                   8::UBIGINT, '170141183460469231731687303715884105727'::HUGEINT, 9::UHUGEINT, 1.5::FLOAT, 2.5::DOUBLE,
                   'text', '\x00\x01'::BLOB, DATE '2024-02-29', TIME '13:45:12.123456',
                   TIMESTAMP '2024-02-29 13:45:12.123456', TIMESTAMPTZ '2024-02-29 13:45:12.123456+00',
                   TIMESTAMP_NS '2024-02-29 13:45:12.123456789', TIMESTAMP_MS '2024-02-29 13:45:12.123',
                   TIMESTAMP_S '2024-02-29 13:45:12', 'happy'::mood, 'a2c7e1f0-3b4d-4e5f-8a9b-0c1d2e3f4a5b'::UUID,
                   123.4::DECIMAL(4,1), -1234567.89::DECIMAL(9,2), 123456789012345.678::DECIMAL(18,3),
                   -1234567890123456.7890123456::DECIMAL(38,10)
            """);
        Assert.True(reader.Read());
        var at = new DateTime(2024, 2, 29, 13, 45, 12, DateTimeKind.Utc);
        object[] expected =
        [
            true, (sbyte)1, (short)2, 3, 4L, (byte)5, (ushort)6, 7u, 8ul, Int128.MaxValue, (UInt128)9, 1.5f, 2.5,
            "text", new byte[] { 0, 1 }, new DateOnly(2024, 2, 29), new TimeOnly(13, 45, 12).Add(TimeSpan.FromTicks(1_234_560)),
            at.AddTicks(1_234_560), at.AddTicks(1_234_560), at.AddTicks(1_234_567), at.AddMilliseconds(123), at, "happy",
            Guid.Parse("a2c7e1f0-3b4d-4e5f-8a9b-0c1d2e3f4a5b"), 123.4m, -1234567.89m, 123456789012345.678m,
            -1234567890123456.7890123456m,
        ];
        Assert.Equal(expected.Length, reader.FieldCount);
        for (var i = 0; i < expected.Length; i++)
        {
            var actual = reader.GetValue(i);
            Assert.True(expected[i].Equals(actual) || (expected[i] is byte[] bytes && bytes.AsSpan().SequenceEqual((byte[])actual!)),
                $"column {i}: expected {expected[i]} ({expected[i].GetType().Name}), got {actual} ({actual?.GetType().Name})");
        }
    }

    [Fact]
    public void GetString_GivesTextForNonTextColumns()
    {
        connection.Execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        using var reader = connection.Query("""
            SELECT 42, true, 2.5::DOUBLE, 1.50::DECIMAL(5,2), -0.05::DECIMAL(38,4), 'ok'::mood,
                   TIMESTAMP '2024-02-29 13:45:12.5', TIMESTAMPTZ '2024-02-29 13:45:12+00', DATE '2024-02-29',
                   'a2c7e1f0-3b4d-4e5f-8a9b-0c1d2e3f4a5b'::UUID, 'a\x00b'::BLOB, 'infinity'::TIMESTAMP
            """);
        Assert.True(reader.Read());

        string[] expected =
        [
            "42", "true", "2.5", "1.50", "-0.0500", "ok", "2024-02-29 13:45:12.5", "2024-02-29 13:45:12+00", "2024-02-29",
            "a2c7e1f0-3b4d-4e5f-8a9b-0c1d2e3f4a5b", @"a\x00b", "infinity",
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], reader.GetString(i));
        }
    }

    [Fact]
    public void IntegerGetters_AcceptWiderTypesWhenTheValueFits()
    {
        connection.Execute("CREATE TABLE t (i INTEGER); INSERT INTO t SELECT * FROM range(100)");

        Assert.Equal("HUGEINT", connection.Scalar<string>("SELECT typeof(sum(i)) FROM t"));
        Assert.Equal(4950L, connection.Scalar<long>("SELECT sum(i) FROM t"));
        Assert.Equal(4950, connection.Scalar<int>("SELECT sum(i) FROM t"));
        Assert.Equal(12L, connection.Scalar<long>("SELECT 12.00::DECIMAL(10,2)"));
        Assert.Equal(255L, connection.Scalar<long>("SELECT 255::UTINYINT"));
        Assert.Throws<InvalidCastException>(() => connection.Scalar<long>("SELECT 12.5::DECIMAL(10,2)"));
        Assert.Throws<InvalidCastException>(() => connection.Scalar<int>("SELECT 3000000000::BIGINT"));
        Assert.Throws<InvalidCastException>(() => connection.Scalar<long>("SELECT 18446744073709551615::UBIGINT"));
        Assert.Throws<InvalidCastException>(() => connection.Scalar<bool>("SELECT 1"));
        Assert.Throws<InvalidCastException>(() => connection.Scalar<DateTime>("SELECT 'x'"));
    }

    [Fact]
    public void Scalar_ReturnsDefaultForNoRowOrNull()
    {
        connection.Execute("CREATE TABLE t (i INTEGER, s VARCHAR)");

        Assert.Equal(0L, connection.Scalar<long>("SELECT i FROM t"));
        Assert.Null(connection.Scalar<string>("SELECT s FROM t"));
        Assert.Null(connection.Scalar<long?>("SELECT NULL::BIGINT"));
        Assert.Null(connection.Scalar<object>("SELECT NULL"));
        Assert.Equal(5L, connection.Scalar<long?>("SELECT 5"));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), connection.Scalar<DateTimeOffset>("SELECT TIMESTAMP '2024-01-02 03:04:05'"));
        Assert.Equal(7, connection.Scalar<object>("SELECT 7"));
    }

    [Fact]
    public void GetName_AndFieldCount_DescribeTheColumns()
    {
        using var reader = connection.Query("SELECT 1 AS one, 'x' AS \"twö\", NULL AS nothing");

        Assert.Equal(3, reader.FieldCount);
        Assert.Equal("one", reader.GetName(0));
        Assert.Equal("twö", reader.GetName(1));
        Assert.Equal("INTEGER", reader.GetDataTypeName(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.GetName(3));
    }

    [Fact]
    public void ReadingWithoutACurrentRow_Throws()
    {
        using var reader = connection.Query("SELECT 1 WHERE false");

        Assert.Throws<InvalidOperationException>(() => reader.GetInt32(0));
        Assert.False(reader.Read());
        Assert.False(reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.IsNull(0));
    }

    [Fact]
    public void NestedTypes_AreRefusedWithAClearMessage_AndReadableAsText()
    {
        using var reader = connection.Query("SELECT [1, 2, 3] AS list, [1, 2, 3]::VARCHAR AS text");
        Assert.True(reader.Read());

        var error = Assert.Throws<NotSupportedException>(() => reader.GetValue(0));
        Assert.Contains("'list'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cast it to VARCHAR", error.Message, StringComparison.Ordinal);
        Assert.Equal("[1, 2, 3]", reader.GetString(1));
    }

    [Fact]
    public void Reader_StaysValidAfterItsStatementIsDisposed()
    {
        DuckDbReader reader;
        using (var statement = connection.Prepare("SELECT i, 'long enough to live out of line ' || i FROM range(3000) t(i) WHERE i >= $1"))
        {
            reader = statement.Bind(1, 10).ExecuteReader();
        }

        using (reader)
        {
            var rows = 0;
            while (reader.Read())
            {
                Assert.Equal($"long enough to live out of line {rows + 10}", reader.GetString(1));
                rows++;
            }

            Assert.Equal(2990, rows);
        }
    }

    [Fact]
    public void Query_WithoutParameters_RunsSeveralStatements_AndReturnsTheLast()
    {
        using var reader = connection.Query("CREATE TABLE t AS SELECT 1 AS i; SELECT i + 1 FROM t");

        Assert.True(reader.Read());
        Assert.Equal(2, reader.GetInt32(0));
    }
}
