using System.Globalization;
using System.Runtime.InteropServices;

namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// Forward-only access to a query result, one DuckDB data chunk (up to 2048 rows) at a time.
/// Values are read straight out of DuckDB's vectors; only the strings and arrays handed back are
/// allocated. Typed getters accept the column types that convert without loss and throw
/// <see cref="InvalidCastException"/> otherwise (including for NULL: check <see cref="IsNull"/>).
/// </summary>
public sealed unsafe class DuckDbReader : IDisposable
{
    private readonly ResultHandle result;
    private readonly ResultColumn[] columns;
    private readonly nint[] data;
    private readonly nint[] validity;
    private DataChunkHandle? chunk;
    private int chunkSize;
    private int row = -1;
    private bool exhausted;
    private bool disposed;

    internal DuckDbReader(ResultHandle result)
    {
        this.result = result;
        var count = checked((int)NativeMethods.duckdb_column_count(result.Pointer));
        this.columns = new ResultColumn[count];
        for (var i = 0; i < count; i++)
        {
            this.columns[i] = ResultColumn.Describe(result.Pointer, (ulong)i);
        }

        this.data = new nint[count];
        this.validity = new nint[count];
    }

    public int FieldCount => this.columns.Length;

    public string GetName(int ordinal)
    {
        ThrowIfDisposed();
        var column = Column(ordinal);
        return column.Name ??= Marshal.PtrToStringUTF8(NativeMethods.duckdb_column_name(this.result.Pointer, (ulong)ordinal)) ?? string.Empty;
    }

    /// <summary>DuckDB's type of the column, e.g. "VARCHAR" or "TIMESTAMP_TZ" (for messages and diagnostics).</summary>
    public string GetDataTypeName(int ordinal) => TypeName(Column(ordinal).Type);

    /// <summary>Advances to the next row; false once the result is exhausted.</summary>
    public bool Read()
    {
        ThrowIfDisposed();
        if (this.exhausted)
        {
            return false;
        }

        this.row++;
        while (this.row >= chunkSize)
        {
            if (!NextChunk())
            {
                this.exhausted = true;
                return false;
            }
        }

        return true;
    }

    public bool IsNull(int ordinal)
    {
        CheckRow(ordinal);
        var validity = (ulong*)this.validity[ordinal];
        // No validity mask means DuckDB knows every row in the chunk is valid.
        return (validity != null && (validity[this.row >> 6] & (1UL << (this.row & 63))) == 0)
            || this.columns[ordinal].Type == DuckDbNativeType.SqlNull;
    }

    /// <summary>VARCHAR (and ENUM) as is; any other supported type in its text form.</summary>
    public string GetString(int ordinal)
    {
        var column = NonNull(ordinal);
        var data = (void*)this.data[ordinal];
        return column.Type switch
        {
            DuckDbNativeType.Varchar => VectorValues.String(data, this.row),
            DuckDbNativeType.Enum => EnumText(column, ordinal),
            DuckDbNativeType.Blob => VectorValues.BlobText(VectorValues.StringBytes(data, this.row)),
            DuckDbNativeType.Boolean => ((byte*)data)[this.row] != 0 ? "true" : "false",
            DuckDbNativeType.UBigInt => ((ulong*)data)[this.row].ToString(CultureInfo.InvariantCulture),
            DuckDbNativeType.HugeInt => VectorValues.HugeInt(data, this.row).ToString(CultureInfo.InvariantCulture),
            DuckDbNativeType.UHugeInt => VectorValues.UHugeInt(data, this.row).ToString(CultureInfo.InvariantCulture),
            DuckDbNativeType.Float => ((float*)data)[this.row].ToString(CultureInfo.InvariantCulture),
            DuckDbNativeType.Double => ((double*)data)[this.row].ToString(CultureInfo.InvariantCulture),
            DuckDbNativeType.Decimal => VectorValues.DecimalText(VectorValues.DecimalUnscaled(data, this.row, column.Storage), column.Scale),
            DuckDbNativeType.Uuid => VectorValues.Uuid(data, this.row).ToString("D"),
            DuckDbNativeType.Timestamp or DuckDbNativeType.TimestampS or DuckDbNativeType.TimestampMs or DuckDbNativeType.TimestampNs
                => TimestampText(column, ordinal, string.Empty),
            DuckDbNativeType.TimestampTz => TimestampText(column, ordinal, "+00"),
            DuckDbNativeType.Date => DateText(ordinal),
            DuckDbNativeType.Time or DuckDbNativeType.TimeNs => GetTime(ordinal).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            _ when IsInteger(column.Type) => GetInt64(ordinal).ToString(CultureInfo.InvariantCulture),
            _ => throw Unsupported(ordinal, "GetString"),
        };
    }

    /// <summary>Any integer type, HUGEINT/UBIGINT/UHUGEINT within range, or a DECIMAL without fractional part.</summary>
    public long GetInt64(int ordinal)
    {
        var column = NonNull(ordinal);
        var data = (void*)this.data[ordinal];
        switch (column.Type)
        {
            case DuckDbNativeType.BigInt:
                return ((long*)data)[this.row];
            case DuckDbNativeType.Integer:
                return ((int*)data)[this.row];
            case DuckDbNativeType.SmallInt:
                return ((short*)data)[this.row];
            case DuckDbNativeType.TinyInt:
                return ((sbyte*)data)[this.row];
            case DuckDbNativeType.UInteger:
                return ((uint*)data)[this.row];
            case DuckDbNativeType.USmallInt:
                return ((ushort*)data)[this.row];
            case DuckDbNativeType.UTinyInt:
                return ((byte*)data)[this.row];
            case DuckDbNativeType.UBigInt:
                return Narrow((UInt128)((ulong*)data)[this.row], ordinal);
            case DuckDbNativeType.HugeInt:
                return Narrow(VectorValues.HugeInt(data, this.row), ordinal);
            case DuckDbNativeType.UHugeInt:
                return Narrow(VectorValues.UHugeInt(data, this.row), ordinal);
            case DuckDbNativeType.Decimal:
                var unscaled = VectorValues.DecimalUnscaled(data, this.row, column.Storage);
                var divisor = VectorValues.PowerOfTen(column.Scale);
                if (unscaled % divisor != 0)
                {
                    throw new InvalidCastException(
                        $"Column '{GetName(ordinal)}' holds {VectorValues.DecimalText(unscaled, column.Scale)}, which is not a whole number.");
                }

                return Narrow(unscaled / divisor, ordinal);
            default:
                throw Mismatch(ordinal, "Int64");
        }
    }

    public int GetInt32(int ordinal)
    {
        var value = GetInt64(ordinal);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new InvalidCastException($"Column '{GetName(ordinal)}' holds {value}, which does not fit in Int32.");
        }

        return (int)value;
    }

    /// <summary>DOUBLE, FLOAT, DECIMAL, or any integer type.</summary>
    public double GetDouble(int ordinal)
    {
        var column = NonNull(ordinal);
        var data = (void*)this.data[ordinal];
        return column.Type switch
        {
            DuckDbNativeType.Double => ((double*)data)[this.row],
            DuckDbNativeType.Float => ((float*)data)[this.row],
            DuckDbNativeType.Decimal => (double)VectorValues.DecimalUnscaled(data, this.row, column.Storage) / (double)VectorValues.PowerOfTen(column.Scale),
            DuckDbNativeType.UBigInt => ((ulong*)data)[this.row],
            DuckDbNativeType.HugeInt => (double)VectorValues.HugeInt(data, this.row),
            DuckDbNativeType.UHugeInt => (double)VectorValues.UHugeInt(data, this.row),
            _ when IsInteger(column.Type) => GetInt64(ordinal),
            _ => throw Mismatch(ordinal, "Double"),
        };
    }

    /// <summary>DECIMAL exactly (when it fits .NET decimal), integers, DOUBLE and FLOAT.</summary>
    public decimal GetDecimal(int ordinal)
    {
        var column = NonNull(ordinal);
        var data = (void*)this.data[ordinal];
        switch (column.Type)
        {
            case DuckDbNativeType.Decimal:
                var unscaled = VectorValues.DecimalUnscaled(data, this.row, column.Storage);
                if (!VectorValues.TryToDecimal(unscaled, column.Scale, out var value))
                {
                    throw new InvalidCastException(
                        $"Column '{GetName(ordinal)}' holds {VectorValues.DecimalText(unscaled, column.Scale)}, which does not fit in System.Decimal.");
                }

                return value;
            case DuckDbNativeType.Double:
            case DuckDbNativeType.Float:
                return (decimal)GetDouble(ordinal);
            case DuckDbNativeType.HugeInt:
                return (decimal)VectorValues.HugeInt(data, this.row);
            case DuckDbNativeType.UHugeInt:
                return (decimal)VectorValues.UHugeInt(data, this.row);
            case DuckDbNativeType.UBigInt:
                return ((ulong*)data)[this.row];
            default:
                return IsInteger(column.Type) ? GetInt64(ordinal) : throw Mismatch(ordinal, "Decimal");
        }
    }

    public bool GetBoolean(int ordinal)
    {
        var column = NonNull(ordinal);
        return column.Type == DuckDbNativeType.Boolean
            ? ((byte*)this.data[ordinal])[this.row] != 0
            : throw Mismatch(ordinal, "Boolean");
    }

    /// <summary>
    /// TIMESTAMP (taken to be UTC), TIMESTAMP WITH TIME ZONE (an instant, returned in UTC), the
    /// _S/_MS/_NS variants, and DATE (midnight UTC). Always <see cref="DateTimeKind.Utc"/>.
    /// </summary>
    public DateTime GetDateTime(int ordinal)
    {
        var column = NonNull(ordinal);
        var data = (void*)this.data[ordinal];
        switch (column.Type)
        {
            case DuckDbNativeType.Timestamp:
            case DuckDbNativeType.TimestampTz:
            case DuckDbNativeType.TimestampS:
            case DuckDbNativeType.TimestampMs:
            case DuckDbNativeType.TimestampNs:
                var raw = ((long*)data)[this.row];
                return VectorValues.TryTimestamp(column.Type, raw, out var value)
                    ? value
                    : throw OutOfRange(ordinal, "DateTime");
            case DuckDbNativeType.Date:
                return VectorValues.TryDate(((int*)data)[this.row], out var date)
                    ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
                    : throw OutOfRange(ordinal, "DateTime");
            default:
                throw Mismatch(ordinal, "DateTime");
        }
    }

    public DateOnly GetDate(int ordinal)
    {
        var column = NonNull(ordinal);
        if (column.Type == DuckDbNativeType.Date)
        {
            return VectorValues.TryDate(((int*)this.data[ordinal])[this.row], out var date) ? date : throw OutOfRange(ordinal, "DateOnly");
        }

        return DateOnly.FromDateTime(GetDateTime(ordinal));
    }

    public TimeOnly GetTime(int ordinal)
    {
        var column = NonNull(ordinal);
        if (column.Type is not (DuckDbNativeType.Time or DuckDbNativeType.TimeNs))
        {
            throw Mismatch(ordinal, "TimeOnly");
        }

        return VectorValues.TryTime(column.Type, ((long*)this.data[ordinal])[this.row], out var time) ? time : throw OutOfRange(ordinal, "TimeOnly");
    }

    /// <summary>UUID columns, and VARCHAR holding a GUID's text (which is how Guid parameters are bound).</summary>
    public Guid GetGuid(int ordinal)
    {
        var column = NonNull(ordinal);
        return column.Type switch
        {
            DuckDbNativeType.Uuid => VectorValues.Uuid((void*)this.data[ordinal], this.row),
            DuckDbNativeType.Varchar => Guid.TryParse(VectorValues.StringBytes((void*)this.data[ordinal], this.row), out var id)
                ? id
                : throw new InvalidCastException($"Column '{GetName(ordinal)}' does not hold a GUID in this row."),
            _ => throw Mismatch(ordinal, "Guid"),
        };
    }

    /// <summary>BLOB bytes (a copy), or the UTF-8 bytes of a VARCHAR.</summary>
    public byte[] GetBlob(int ordinal)
    {
        var column = NonNull(ordinal);
        return column.Type is DuckDbNativeType.Blob or DuckDbNativeType.Varchar
            ? VectorValues.StringBytes((void*)this.data[ordinal], this.row).ToArray()
            : throw Mismatch(ordinal, "byte[]");
    }

    /// <summary>
    /// The value as its natural .NET type, or null for NULL: bool, sbyte/short/int/long,
    /// byte/ushort/uint/ulong, Int128/UInt128, float, double, decimal, string (VARCHAR, ENUM),
    /// byte[] (BLOB), Guid (UUID), DateTime UTC (TIMESTAMP family), DateOnly (DATE), TimeOnly (TIME).
    /// Nested and other exotic types throw <see cref="NotSupportedException"/>.
    /// </summary>
    public object? GetValue(int ordinal)
    {
        if (IsNull(ordinal))
        {
            return null;
        }

        var column = this.columns[ordinal];
        var data = (void*)this.data[ordinal];
        return column.Type switch
        {
            DuckDbNativeType.Boolean => ((byte*)data)[this.row] != 0,
            DuckDbNativeType.TinyInt => ((sbyte*)data)[this.row],
            DuckDbNativeType.SmallInt => ((short*)data)[this.row],
            DuckDbNativeType.Integer => ((int*)data)[this.row],
            DuckDbNativeType.BigInt => ((long*)data)[this.row],
            DuckDbNativeType.UTinyInt => ((byte*)data)[this.row],
            DuckDbNativeType.USmallInt => ((ushort*)data)[this.row],
            DuckDbNativeType.UInteger => ((uint*)data)[this.row],
            DuckDbNativeType.UBigInt => ((ulong*)data)[this.row],
            DuckDbNativeType.HugeInt => VectorValues.HugeInt(data, this.row),
            DuckDbNativeType.UHugeInt => VectorValues.UHugeInt(data, this.row),
            DuckDbNativeType.Float => ((float*)data)[this.row],
            DuckDbNativeType.Double => ((double*)data)[this.row],
            DuckDbNativeType.Decimal => GetDecimal(ordinal),
            DuckDbNativeType.Varchar or DuckDbNativeType.Enum => GetString(ordinal),
            DuckDbNativeType.Blob => GetBlob(ordinal),
            DuckDbNativeType.Uuid => VectorValues.Uuid(data, this.row),
            DuckDbNativeType.Timestamp or DuckDbNativeType.TimestampTz or DuckDbNativeType.TimestampS
                or DuckDbNativeType.TimestampMs or DuckDbNativeType.TimestampNs => GetDateTime(ordinal),
            DuckDbNativeType.Date => GetDate(ordinal),
            DuckDbNativeType.Time or DuckDbNativeType.TimeNs => GetTime(ordinal),
            _ => throw Unsupported(ordinal, "GetValue"),
        };
    }

    /// <summary>
    /// Typed read used by <see cref="DuckDbConnection.Scalar{T}"/>: the getter matching
    /// <typeparamref name="T"/> (string, long, int, double, decimal, bool, DateTime, DateTimeOffset,
    /// DateOnly, TimeOnly, Guid, byte[], and their nullable forms), <see cref="GetValue"/> for object,
    /// and otherwise the natural value if it already is a <typeparamref name="T"/>. NULL reads as
    /// null for reference and nullable types and throws for other value types.
    /// </summary>
    public T GetFieldValue<T>(int ordinal)
    {
        if (IsNull(ordinal))
        {
            return default(T) is null
                ? default!
                : throw new InvalidCastException($"Column '{GetName(ordinal)}' is NULL in this row and {typeof(T).Name} cannot hold NULL.");
        }

        // typeof comparisons are folded by the JIT per instantiation; there is no reflection here.
        if (typeof(T) == typeof(string))
        {
            return (T)(object)GetString(ordinal);
        }

        if (typeof(T) == typeof(long) || typeof(T) == typeof(long?))
        {
            return (T)(object)GetInt64(ordinal);
        }

        if (typeof(T) == typeof(int) || typeof(T) == typeof(int?))
        {
            return (T)(object)GetInt32(ordinal);
        }

        if (typeof(T) == typeof(double) || typeof(T) == typeof(double?))
        {
            return (T)(object)GetDouble(ordinal);
        }

        if (typeof(T) == typeof(decimal) || typeof(T) == typeof(decimal?))
        {
            return (T)(object)GetDecimal(ordinal);
        }

        if (typeof(T) == typeof(bool) || typeof(T) == typeof(bool?))
        {
            return (T)(object)GetBoolean(ordinal);
        }

        if (typeof(T) == typeof(DateTime) || typeof(T) == typeof(DateTime?))
        {
            return (T)(object)GetDateTime(ordinal);
        }

        if (typeof(T) == typeof(DateTimeOffset) || typeof(T) == typeof(DateTimeOffset?))
        {
            return (T)(object)new DateTimeOffset(GetDateTime(ordinal));
        }

        if (typeof(T) == typeof(DateOnly) || typeof(T) == typeof(DateOnly?))
        {
            return (T)(object)GetDate(ordinal);
        }

        if (typeof(T) == typeof(TimeOnly) || typeof(T) == typeof(TimeOnly?))
        {
            return (T)(object)GetTime(ordinal);
        }

        if (typeof(T) == typeof(Guid) || typeof(T) == typeof(Guid?))
        {
            return (T)(object)GetGuid(ordinal);
        }

        if (typeof(T) == typeof(byte[]))
        {
            return (T)(object)GetBlob(ordinal);
        }

        var natural = GetValue(ordinal);
        return natural is T typed
            ? typed
            : throw new InvalidCastException(
                $"Column '{GetName(ordinal)}' is {GetDataTypeName(ordinal)}, which does not read as {typeof(T).Name}.");
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        this.chunk?.Dispose();
        this.chunk = null;
        this.result.Dispose();
    }

    private bool NextChunk()
    {
        this.chunk?.Dispose();
        this.chunk = null;
        chunkSize = 0;
        this.row = 0;

        var raw = NativeMethods.duckdb_fetch_chunk(*this.result.Pointer);
        if (raw == 0)
        {
            return false;
        }

        var chunk = new DataChunkHandle();
        chunk.Attach(raw);
        this.chunk = chunk;
        chunkSize = checked((int)NativeMethods.duckdb_data_chunk_get_size(chunk));
        for (var i = 0; i < this.columns.Length; i++)
        {
            // Vectors belong to the chunk; these pointers are valid until the chunk is destroyed.
            var vector = NativeMethods.duckdb_data_chunk_get_vector(chunk, (ulong)i);
            this.data[i] = (nint)NativeMethods.duckdb_vector_get_data(vector);
            this.validity[i] = (nint)NativeMethods.duckdb_vector_get_validity(vector);
        }

        return true;
    }

    private ResultColumn Column(int ordinal)
    {
        if ((uint)ordinal >= (uint)this.columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"The result has {this.columns.Length} column(s).");
        }

        return this.columns[ordinal];
    }

    private void CheckRow(int ordinal)
    {
        ThrowIfDisposed();
        Column(ordinal);
        if (this.row < 0 || this.exhausted)
        {
            throw new InvalidOperationException("No current row: call Read() and check that it returned true.");
        }
    }

    private ResultColumn NonNull(int ordinal)
    {
        if (IsNull(ordinal))
        {
            throw new InvalidCastException($"Column '{GetName(ordinal)}' is NULL in this row; check IsNull first.");
        }

        return this.columns[ordinal];
    }

    private string EnumText(ResultColumn column, int ordinal)
    {
        var data = (void*)this.data[ordinal];
        var index = column.Storage switch
        {
            DuckDbNativeType.UTinyInt => ((byte*)data)[this.row],
            DuckDbNativeType.USmallInt => ((ushort*)data)[this.row],
            _ => ((uint*)data)[this.row],
        };
        return column.EnumValues![index];
    }

    private string TimestampText(ResultColumn column, int ordinal, string suffix)
    {
        var raw = ((long*)this.data[ordinal])[this.row];
        if (VectorValues.TryTimestamp(column.Type, raw, out var value))
        {
            return value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + suffix;
        }

        return raw switch
        {
            long.MaxValue => "infinity",
            -long.MaxValue => "-infinity",
            _ => throw OutOfRange(ordinal, "text"),
        };
    }

    private string DateText(int ordinal)
    {
        var days = ((int*)this.data[ordinal])[this.row];
        if (VectorValues.TryDate(days, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return days switch
        {
            int.MaxValue => "infinity",
            -int.MaxValue => "-infinity",
            _ => throw OutOfRange(ordinal, "text"),
        };
    }

    private long Narrow(Int128 value, int ordinal) =>
        value >= long.MinValue && value <= long.MaxValue
            ? (long)value
            : throw new InvalidCastException($"Column '{GetName(ordinal)}' holds {value}, which does not fit in Int64.");

    private long Narrow(UInt128 value, int ordinal) =>
        value <= long.MaxValue
            ? (long)value
            : throw new InvalidCastException($"Column '{GetName(ordinal)}' holds {value}, which does not fit in Int64.");

    private static bool IsInteger(DuckDbNativeType type) => type is DuckDbNativeType.TinyInt or DuckDbNativeType.SmallInt
        or DuckDbNativeType.Integer or DuckDbNativeType.BigInt or DuckDbNativeType.UTinyInt or DuckDbNativeType.USmallInt
        or DuckDbNativeType.UInteger or DuckDbNativeType.UBigInt or DuckDbNativeType.HugeInt or DuckDbNativeType.UHugeInt;

    private InvalidCastException Mismatch(int ordinal, string target) =>
        new($"Column '{GetName(ordinal)}' is {GetDataTypeName(ordinal)}, which does not read as {target}.");

    private InvalidCastException OutOfRange(int ordinal, string target) =>
        new($"Column '{GetName(ordinal)}' holds a {GetDataTypeName(ordinal)} outside the range of {target} (e.g. infinity).");

    private NotSupportedException Unsupported(int ordinal, string method) =>
        new($"{method} cannot read column '{GetName(ordinal)}' of DuckDB type {GetDataTypeName(ordinal)}; cast it to VARCHAR in the query.");

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

    private static string TypeName(DuckDbNativeType type) => type switch
    {
        DuckDbNativeType.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDbNativeType.TimestampS => "TIMESTAMP_S",
        DuckDbNativeType.TimestampMs => "TIMESTAMP_MS",
        DuckDbNativeType.TimestampNs => "TIMESTAMP_NS",
        DuckDbNativeType.TimeTz => "TIME WITH TIME ZONE",
        DuckDbNativeType.TimeNs => "TIME_NS",
        _ => type.ToString().ToUpperInvariant(),
    };
}
