using System.Buffers;
using System.Text;

namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// A prepared statement. Bind values positionally (1-based), execute, rebind, execute again.
/// Bindings persist across executions until rebound or cleared.
/// </summary>
public sealed class DuckDbStatement : IDisposable
{
    // Strings up to this many UTF-8 bytes are encoded on the stack; longer ones use a pooled buffer.
    private const int StackEncodeLimit = 512;

    private readonly PreparedStatementHandle handle;

    internal DuckDbStatement(PreparedStatementHandle handle)
    {
        this.handle = handle;
        ParameterCount = checked((int)NativeMethods.duckdb_nparams(handle));
    }

    public int ParameterCount { get; }

    /// <summary>
    /// Binds <paramref name="value"/> to parameter <paramref name="index"/> (1-based).
    /// Supported: null, string, bool, the integer types, float, double, decimal (bound as DOUBLE),
    /// DateTime and DateTimeOffset (TIMESTAMP, UTC, microsecond precision), byte[] (BLOB) and Guid
    /// (VARCHAR in its canonical text form). Anything else throws <see cref="ArgumentException"/>.
    /// </summary>
    /// <remarks>
    /// A DateTime of kind Unspecified is taken to be UTC already; Local is converted. Ticks below a
    /// microsecond are dropped (rounded toward earlier), as TIMESTAMP cannot hold them.
    /// </remarks>
    public DuckDbStatement Bind(int index, object? value)
    {
        ThrowIfDisposed();
        if (index < 1 || index > ParameterCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), index, $"Parameter indexes are 1-based and this statement has {ParameterCount} parameter(s).");
        }

        var position = (ulong)index;
        var state = value switch
        {
            null or DBNull => NativeMethods.duckdb_bind_null(this.handle, position),
            string text => BindText(position, text),
            bool flag => NativeMethods.duckdb_bind_boolean(this.handle, position, flag ? (byte)1 : (byte)0),
            int number => NativeMethods.duckdb_bind_int32(this.handle, position, number),
            long number => NativeMethods.duckdb_bind_int64(this.handle, position, number),
            double number => NativeMethods.duckdb_bind_double(this.handle, position, number),
            decimal number => NativeMethods.duckdb_bind_double(this.handle, position, (double)number),
            DateTime time => NativeMethods.duckdb_bind_timestamp(this.handle, position, ToTimestamp(time)),
            DateTimeOffset time => NativeMethods.duckdb_bind_timestamp(this.handle, position, ToTimestamp(time.UtcDateTime)),
            byte[] bytes => BindBlob(position, bytes),
            Guid id => BindText(position, id.ToString("D")),
            short number => NativeMethods.duckdb_bind_int16(this.handle, position, number),
            sbyte number => NativeMethods.duckdb_bind_int8(this.handle, position, number),
            byte number => NativeMethods.duckdb_bind_uint8(this.handle, position, number),
            ushort number => NativeMethods.duckdb_bind_uint16(this.handle, position, number),
            uint number => NativeMethods.duckdb_bind_uint32(this.handle, position, number),
            ulong number => NativeMethods.duckdb_bind_uint64(this.handle, position, number),
            float number => NativeMethods.duckdb_bind_float(this.handle, position, number),
            _ => throw new ArgumentException(
                $"Cannot bind a {value.GetType().Name} to DuckDB parameter {index}; use null, string, bool, an integer type, float, double, decimal, DateTime, DateTimeOffset, byte[] or Guid.",
                nameof(value)),
        };

        if (state != DuckDbState.Success)
        {
            throw BindFailed(index);
        }

        return this;
    }

    /// <summary>Binds <paramref name="values"/> to parameters 1..n; the count must match <see cref="ParameterCount"/>.</summary>
    public DuckDbStatement BindAll(params object?[] values)
    {
        values = Arguments(values);
        if (values.Length != ParameterCount)
        {
            throw new ArgumentException(
                $"The statement has {ParameterCount} parameter(s) but {values.Length} value(s) were given.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }

        return this;
    }

    public void ClearBindings()
    {
        ThrowIfDisposed();
        if (NativeMethods.duckdb_clear_bindings(this.handle) != DuckDbState.Success)
        {
            throw DuckDbException.FromPrepare(this.handle);
        }
    }

    /// <summary>Executes and returns the number of rows inserted, updated or deleted (0 for other statements).</summary>
    public unsafe long ExecuteNonQuery()
    {
        ThrowIfDisposed();
        DuckDbResultNative result = default;
        try
        {
            if (NativeMethods.duckdb_execute_prepared(this.handle, &result) != DuckDbState.Success)
            {
                throw DuckDbException.FromResult(&result);
            }

            return checked((long)NativeMethods.duckdb_rows_changed(&result));
        }
        finally
        {
            NativeMethods.duckdb_destroy_result(&result);
        }
    }

    /// <summary>Executes and returns the rows. The reader stays valid after this statement is disposed.</summary>
    public unsafe DuckDbReader ExecuteReader()
    {
        ThrowIfDisposed();
        var result = new ResultHandle();
        try
        {
            if (NativeMethods.duckdb_execute_prepared(this.handle, result.Pointer) != DuckDbState.Success)
            {
                throw DuckDbException.FromResult(result.Pointer);
            }

            return new DuckDbReader(result);
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    public void Dispose() => this.handle.Dispose();

    /// <summary>
    /// C# passes a lone <c>null</c> argument to a params parameter as the array itself; the caller
    /// meant one NULL value.
    /// </summary>
    internal static object?[] Arguments(object?[]? args) => args ?? [null];

    internal static DuckDbTimestampNative ToTimestamp(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        var micros = ticks / TimeSpan.TicksPerMicrosecond;
        if (ticks % TimeSpan.TicksPerMicrosecond < 0)
        {
            micros--; // floor, so instants before 1970 truncate the same way as those after
        }

        return new DuckDbTimestampNative { Micros = micros };
    }

    private unsafe DuckDbState BindText(ulong position, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackEncodeLimit
            ? stackalloc byte[StackEncodeLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            fixed (byte* bytes = buffer)
            {
                // DuckDB copies the bytes before returning.
                return NativeMethods.duckdb_bind_varchar_length(this.handle, position, bytes, (ulong)written);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private unsafe DuckDbState BindBlob(ulong position, byte[] bytes)
    {
        // An empty array pins to a null pointer; hand DuckDB a valid one with length 0 instead.
        byte empty = 0;
        fixed (byte* data = bytes)
        {
            return NativeMethods.duckdb_bind_blob(this.handle, position, data == null ? &empty : data, (ulong)bytes.Length);
        }
    }

    private DuckDbException BindFailed(int index)
    {
        var error = DuckDbException.FromPrepare(this.handle);
        return error.Message.Length > 0 && error.NativeErrorType != 0
            ? error
            : new DuckDbException($"Invalid Input Error: DuckDB rejected the value bound to parameter {index}.");
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(this.handle.IsClosed, this);
}
