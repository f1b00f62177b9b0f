using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// Decoding of DuckDB's in-memory value layouts (as documented in duckdb.h) into .NET values,
/// and the text forms used when a non-VARCHAR column is read as a string.
/// </summary>
internal static unsafe class VectorValues
{
    private const int InlineStringLimit = 12;

    private static readonly long MinEpochTicks = DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks;
    private static readonly long MaxEpochTicks = DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks;
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private static readonly Int128[] PowersOfTen = BuildPowersOfTen();

    /// <summary>
    /// duckdb_string_t is 16 bytes: a uint32 length, then either the bytes themselves (length ≤ 12)
    /// or a 4-byte prefix and a pointer to the full bytes. VARCHAR and BLOB share it.
    /// </summary>
    internal static ReadOnlySpan<byte> StringBytes(void* vectorData, int row)
    {
        var entry = (byte*)vectorData + ((nint)row * 16);
        var length = *(uint*)entry;
        var bytes = length <= InlineStringLimit ? entry + 4 : *(byte**)(entry + 8);
        return new ReadOnlySpan<byte>(bytes, checked((int)length));
    }

    internal static string String(void* vectorData, int row) => Encoding.UTF8.GetString(StringBytes(vectorData, row));

    /// <summary>duckdb_hugeint: uint64 lower, int64 upper.</summary>
    internal static Int128 HugeInt(void* vectorData, int row)
    {
        var entry = (ulong*)vectorData + ((nint)row * 2);
        return new Int128(entry[1], entry[0]);
    }

    internal static UInt128 UHugeInt(void* vectorData, int row)
    {
        var entry = (ulong*)vectorData + ((nint)row * 2);
        return new UInt128(entry[1], entry[0]);
    }

    /// <summary>
    /// UUIDs are stored as a hugeint whose top bit is flipped (so that signed comparison orders
    /// them like their text); the upper half is the first 8 bytes of the textual form.
    /// </summary>
    internal static Guid Uuid(void* vectorData, int row)
    {
        var entry = (ulong*)vectorData + ((nint)row * 2);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, entry[1] ^ 0x8000_0000_0000_0000UL);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], entry[0]);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The unscaled integer of a DECIMAL, whatever width DuckDB chose to store it in.</summary>
    internal static Int128 DecimalUnscaled(void* vectorData, int row, DuckDbNativeType storage) => storage switch
    {
        DuckDbNativeType.SmallInt => ((short*)vectorData)[row],
        DuckDbNativeType.Integer => ((int*)vectorData)[row],
        DuckDbNativeType.BigInt => ((long*)vectorData)[row],
        _ => HugeInt(vectorData, row),
    };

    internal static Int128 PowerOfTen(int exponent) => PowersOfTen[exponent];

    /// <summary>Fails when the value needs more than .NET decimal's 96 bits or 28 fractional digits.</summary>
    internal static bool TryToDecimal(Int128 unscaled, byte scale, out decimal value)
    {
        value = 0m;
        if (scale > 28)
        {
            return false;
        }

        var negative = unscaled < 0;
        // Negating Int128.MinValue wraps to itself, whose unsigned reading is still the magnitude.
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        if (magnitude >> 96 != UInt128.Zero)
        {
            return false;
        }

        value = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
        return true;
    }

    /// <summary>DuckDB's own decimal text: all <paramref name="scale"/> fractional digits, no exponent.</summary>
    internal static string DecimalText(Int128 unscaled, byte scale)
    {
        var negative = unscaled < 0;
        var digits = ((UInt128)(negative ? -unscaled : unscaled)).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = string.Concat(digits.AsSpan(0, digits.Length - scale), ".", digits.AsSpan(digits.Length - scale));
        }

        return negative ? "-" + digits : digits;
    }

    /// <summary>
    /// Converts a TIMESTAMP-family value to a UTC DateTime; false when it lies outside DateTime's
    /// range (DuckDB's ±infinity, or years beyond 9999).
    /// </summary>
    internal static bool TryTimestamp(DuckDbNativeType type, long value, out DateTime result)
    {
        result = default;
        long ticks;
        if (type == DuckDbNativeType.TimestampNs)
        {
            ticks = FloorDivide(value, 100);
        }
        else
        {
            var ticksPerUnit = type switch
            {
                DuckDbNativeType.TimestampS => TimeSpan.TicksPerSecond,
                DuckDbNativeType.TimestampMs => TimeSpan.TicksPerMillisecond,
                _ => TimeSpan.TicksPerMicrosecond,
            };
            if (value > MaxEpochTicks / ticksPerUnit || value < MinEpochTicks / ticksPerUnit)
            {
                return false;
            }

            ticks = value * ticksPerUnit;
        }

        if (ticks > MaxEpochTicks || ticks < MinEpochTicks)
        {
            return false;
        }

        result = new DateTime(DateTime.UnixEpoch.Ticks + ticks, DateTimeKind.Utc);
        return true;
    }

    /// <summary>duckdb_date: days since 1970-01-01.</summary>
    internal static bool TryDate(int days, out DateOnly result)
    {
        result = default;
        var dayNumber = (long)UnixEpochDayNumber + days;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            return false;
        }

        result = DateOnly.FromDayNumber((int)dayNumber);
        return true;
    }

    /// <summary>TIME (microseconds) or TIME_NS (nanoseconds) since midnight. DuckDB allows 24:00:00; TimeOnly does not.</summary>
    internal static bool TryTime(DuckDbNativeType type, long value, out TimeOnly result)
    {
        result = default;
        var ticks = type == DuckDbNativeType.TimeNs ? value / 100 : value * TimeSpan.TicksPerMicrosecond;
        if (ticks < 0 || ticks >= TimeSpan.TicksPerDay)
        {
            return false;
        }

        result = new TimeOnly(ticks);
        return true;
    }

    /// <summary>DuckDB prints BLOBs with printable ASCII as-is and every other byte as \xHH.</summary>
    internal static string BlobText(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 32 and <= 126 and not (byte)'\\' and not (byte)'\'' and not (byte)'"')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static long FloorDivide(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }

    private static Int128[] BuildPowersOfTen()
    {
        var powers = new Int128[39];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
