namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// An error reported by DuckDB. The message is DuckDB's own text (e.g. "Parser Error: syntax
/// error at or near ..."), which is already written for humans.
/// </summary>
public class DuckDbException : Exception
{
    public DuckDbException()
        : this("DuckDB reported an error.")
    {
    }

    public DuckDbException(string message)
        : this(message, ErrorTypeFromMessage(message))
    {
    }

    public DuckDbException(string message, Exception innerException)
        : base(message, innerException)
    {
        NativeErrorType = ErrorTypeFromMessage(message);
        Kind = KindOf(NativeErrorType, message);
    }

    /// <summary>
    /// <paramref name="nativeErrorType"/> is a duckdb_error_type value; <see cref="Kind"/> is
    /// derived from it and the message.
    /// </summary>
    public DuckDbException(string message, int nativeErrorType)
        : base(message)
    {
        NativeErrorType = nativeErrorType;
        Kind = KindOf(nativeErrorType, message);
    }

    public DuckDbException(string message, int nativeErrorType, Exception? innerException)
        : base(message, innerException)
    {
        NativeErrorType = nativeErrorType;
        Kind = KindOf(nativeErrorType, message);
    }

    public DuckDbErrorKind Kind { get; }

    /// <summary>DuckDB's duckdb_error_type (0 when DuckDB did not provide one and the message did not reveal it).</summary>
    public int NativeErrorType { get; }

    /// <summary>Maps duckdb_error_type (plus the lock message, which DuckDB files under IO) onto <see cref="DuckDbErrorKind"/>.</summary>
    internal static DuckDbErrorKind KindOf(int nativeErrorType, string message)
    {
        // DuckDB reports a held lock as an ordinary IO error; only the text tells it apart.
        if (message.Contains("Could not set lock on file", StringComparison.Ordinal))
        {
            return DuckDbErrorKind.Lock;
        }

        return nativeErrorType switch
        {
            0 => DuckDbErrorKind.Unknown,
            1 or 2 or 4 or 5 => DuckDbErrorKind.Conversion, // out of range, conversion, decimal, mismatch type
            10 => DuckDbErrorKind.Transaction,
            13 => DuckDbErrorKind.Catalog,
            14 or 22 => DuckDbErrorKind.Parser, // parser, syntax
            18 => DuckDbErrorKind.Constraint,
            24 => DuckDbErrorKind.Binder,
            28 => DuckDbErrorKind.Io,
            _ => DuckDbErrorKind.Other,
        };
    }

    internal static unsafe DuckDbException FromResult(DuckDbResultNative* result)
    {
        var message = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(NativeMethods.duckdb_result_error(result));
        return new DuckDbException(
            string.IsNullOrEmpty(message) ? "DuckDB reported an error without a message." : message,
            NativeMethods.duckdb_result_error_type(result));
    }

    internal static DuckDbException FromPrepare(PreparedStatementHandle statement)
    {
        var message = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(NativeMethods.duckdb_prepare_error(statement));
        return new DuckDbException(string.IsNullOrEmpty(message) ? "DuckDB could not prepare the statement." : message);
    }

    /// <summary>
    /// Recovers duckdb_error_type from the "&lt;Type&gt; Error: " prefix DuckDB puts on every message.
    /// Needed where the C API hands out only text: prepare errors and open errors.
    /// </summary>
    internal static int ErrorTypeFromMessage(string message)
    {
        var end = message.IndexOf(" Error: ", StringComparison.Ordinal);
        if (end <= 0)
        {
            return 0;
        }

        // The names are DuckDB's ExceptionTypeToString table; the numbers are duckdb_error_type.
        return message.AsSpan(0, end) switch
        {
            "Out of Range" => 1,
            "Conversion" => 2,
            "Decimal" => 4,
            "Mismatch Type" => 5,
            "Divide by Zero" => 6,
            "Serialization" => 9,
            "TransactionContext" => 10,
            "Not implemented" => 11,
            "Catalog" => 13,
            "Parser" => 14,
            "Constraint" => 18,
            "Syntax" => 22,
            "Binder" => 24,
            "IO" => 28,
            "INTERNAL" => 31,
            "Invalid Input" => 32,
            "Out of Memory" => 33,
            "Permission" => 34,
            _ => 0,
        };
    }
}
