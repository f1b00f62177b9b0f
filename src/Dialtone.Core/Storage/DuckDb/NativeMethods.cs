using System.Runtime.InteropServices;

namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// The slice of the DuckDB C API (duckdb.h, 1.5) this binding uses. "duckdb" is resolved by
/// <see cref="DuckDbLibrary"/>'s import resolver, never by the default probing alone, so the
/// library that was version-checked is the one that gets called.
/// </summary>
/// <remarks>
/// C <c>bool</c> is one byte and <c>idx_t</c> is uint64 on every platform; handles we own are
/// passed as SafeHandles so a concurrent Dispose cannot free them mid-call. Out parameters are raw
/// pointers to zeroed locals: on failure DuckDB may leave them unwritten.
/// </remarks>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "duckdb";

    // Library and configuration

    [LibraryImport(Library)]
    internal static partial nint duckdb_library_version();

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_create_config(nint* config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_set_config(nint config, string name, string option);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_config(nint* config);

    [LibraryImport(Library)]
    internal static partial void duckdb_free(nint pointer);

    // Database and connection

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_open_ext(string path, nint* database, nint config, nint* error);

    [LibraryImport(Library)]
    internal static partial void duckdb_close(nint* database);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_connect(DatabaseHandle database, nint* connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_disconnect(nint* connection);

    // Queries and results

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_query(ConnectionHandle connection, string sql, DuckDbResultNative* result);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_result(DuckDbResultNative* result);

    [LibraryImport(Library)]
    internal static partial nint duckdb_result_error(DuckDbResultNative* result);

    [LibraryImport(Library)]
    internal static partial int duckdb_result_error_type(DuckDbResultNative* result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_column_count(DuckDbResultNative* result);

    [LibraryImport(Library)]
    internal static partial nint duckdb_column_name(DuckDbResultNative* result, ulong column);

    [LibraryImport(Library)]
    internal static partial DuckDbNativeType duckdb_column_type(DuckDbResultNative* result, ulong column);

    [LibraryImport(Library)]
    internal static partial nint duckdb_column_logical_type(DuckDbResultNative* result, ulong column);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_rows_changed(DuckDbResultNative* result);

    // By value on purpose: that is the C signature (duckdb_data_chunk duckdb_fetch_chunk(duckdb_result)).
    [LibraryImport(Library)]
    internal static partial nint duckdb_fetch_chunk(DuckDbResultNative result);

    // Data chunks and vectors

    [LibraryImport(Library)]
    internal static partial ulong duckdb_data_chunk_get_size(DataChunkHandle chunk);

    [LibraryImport(Library)]
    internal static partial nint duckdb_data_chunk_get_vector(DataChunkHandle chunk, ulong column);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_data_chunk(nint* chunk);

    [LibraryImport(Library)]
    internal static partial void* duckdb_vector_get_data(nint vector);

    [LibraryImport(Library)]
    internal static partial ulong* duckdb_vector_get_validity(nint vector);

    // Logical types (only to learn decimal scale and enum dictionaries)

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_logical_type(nint* type);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_scale(nint type);

    [LibraryImport(Library)]
    internal static partial DuckDbNativeType duckdb_decimal_internal_type(nint type);

    [LibraryImport(Library)]
    internal static partial DuckDbNativeType duckdb_enum_internal_type(nint type);

    [LibraryImport(Library)]
    internal static partial uint duckdb_enum_dictionary_size(nint type);

    [LibraryImport(Library)]
    internal static partial nint duckdb_enum_dictionary_value(nint type, ulong index);

    // Prepared statements

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_prepare(ConnectionHandle connection, string sql, nint* statement);

    [LibraryImport(Library)]
    internal static partial nint duckdb_prepare_error(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_prepare(nint* statement);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_nparams(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_clear_bindings(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_prepared(PreparedStatementHandle statement, DuckDbResultNative* result);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_null(PreparedStatementHandle statement, ulong index);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_boolean(PreparedStatementHandle statement, ulong index, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int8(PreparedStatementHandle statement, ulong index, sbyte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int16(PreparedStatementHandle statement, ulong index, short value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int32(PreparedStatementHandle statement, ulong index, int value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int64(PreparedStatementHandle statement, ulong index, long value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint8(PreparedStatementHandle statement, ulong index, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint16(PreparedStatementHandle statement, ulong index, ushort value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint32(PreparedStatementHandle statement, ulong index, uint value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint64(PreparedStatementHandle statement, ulong index, ulong value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_float(PreparedStatementHandle statement, ulong index, float value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_double(PreparedStatementHandle statement, ulong index, double value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_timestamp(PreparedStatementHandle statement, ulong index, DuckDbTimestampNative value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_varchar_length(PreparedStatementHandle statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_blob(PreparedStatementHandle statement, ulong index, byte* data, ulong length);
}
