using System.Runtime.InteropServices;

namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// duckdb_result. Only <see cref="InternalData"/> is meaningful to us; the other fields are
/// deprecated, but they fix the size (the struct is passed by value to duckdb_fetch_chunk, so the
/// layout must match the C declaration exactly).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResultNative
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}

/// <summary>duckdb_timestamp: microseconds since 1970-01-01 (UTC by our convention).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbTimestampNative
{
    public long Micros;
}

/// <summary>duckdb_state. Everything that can fail in the C API reports through this.</summary>
internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}
