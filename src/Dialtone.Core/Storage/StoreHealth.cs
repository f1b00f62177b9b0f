namespace Dialtone.Core.Storage;

/// <summary>
/// Reads every row of every table, so a damaged block (a checksum DuckDB cannot match) is found by
/// `dialtone doctor` rather than by the next command that happens to touch it. Counts alone would
/// not do: DuckDB answers them from metadata without reading the data blocks.
/// </summary>
public static class StoreHealth
{
    /// <summary>Each table with its row count; throws the DuckDB error of the first unreadable block.</summary>
    public static List<(string Table, long Rows)> ReadEverything(Store store)
    {
        var tables = new List<string>();
        using (var reader = store.Connection.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"))
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new List<(string, long)>(tables.Count);
        foreach (var table in tables)
        {
            // The name comes from the catalog, not from a user; quoted as an identifier all the same.
            using var reader = store.Connection.Query($"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            long rows = 0;
            while (reader.Read())
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    _ = reader.IsNull(column) ? null : reader.GetValue(column);
                }

                rows++;
            }

            counts.Add((table, rows));
        }

        return counts;
    }
}
