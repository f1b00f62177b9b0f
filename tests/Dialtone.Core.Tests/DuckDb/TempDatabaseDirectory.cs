namespace Dialtone.Core.Tests.DuckDb;

/// <summary>A throwaway directory for real DuckDB files, removed with everything in it on dispose.</summary>
public sealed class TempDatabaseDirectory : IDisposable
{
    public TempDatabaseDirectory()
    {
        Root = Directory.CreateTempSubdirectory("dialtone-duckdb-").FullName;
    }

    public string Root { get; }

    public string File(string name = "test.duckdb") => Path.Combine(Root, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a leaked handle must not fail the test that found the leak differently.
        }
    }
}
