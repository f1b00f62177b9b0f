using System.Runtime.InteropServices;

namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// What a reader needs to know about one result column to decode its vectors: the type, and for
/// DECIMAL and ENUM the physical storage type plus scale or dictionary. Read once per result so
/// that per-row access is a switch and a pointer read.
/// </summary>
internal sealed class ResultColumn
{
    private ResultColumn(DuckDbNativeType type)
    {
        Type = type;
        Storage = type;
    }

    public DuckDbNativeType Type { get; }

    /// <summary>The integer type a DECIMAL or ENUM is physically stored as; <see cref="Type"/> otherwise.</summary>
    public DuckDbNativeType Storage { get; private set; }

    public byte Scale { get; private set; }

    public string[]? EnumValues { get; private set; }

    /// <summary>Filled lazily: most callers read by ordinal and never ask.</summary>
    public string? Name { get; set; }

    internal static unsafe ResultColumn Describe(DuckDbResultNative* result, ulong index)
    {
        var column = new ResultColumn(NativeMethods.duckdb_column_type(result, index));
        if (column.Type is not (DuckDbNativeType.Decimal or DuckDbNativeType.Enum))
        {
            return column;
        }

        var logicalType = NativeMethods.duckdb_column_logical_type(result, index);
        try
        {
            if (column.Type == DuckDbNativeType.Decimal)
            {
                column.Scale = NativeMethods.duckdb_decimal_scale(logicalType);
                column.Storage = NativeMethods.duckdb_decimal_internal_type(logicalType);
            }
            else
            {
                column.Storage = NativeMethods.duckdb_enum_internal_type(logicalType);
                var values = new string[NativeMethods.duckdb_enum_dictionary_size(logicalType)];
                for (var i = 0; i < values.Length; i++)
                {
                    var text = NativeMethods.duckdb_enum_dictionary_value(logicalType, (ulong)i);
                    values[i] = Marshal.PtrToStringUTF8(text) ?? string.Empty;
                    NativeMethods.duckdb_free(text);
                }

                column.EnumValues = values;
            }
        }
        finally
        {
            NativeMethods.duckdb_destroy_logical_type(&logicalType);
        }

        return column;
    }
}
