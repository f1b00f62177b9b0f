namespace Dialtone.Core.Storage;

/// <summary>Where the store lives: one DuckDB file in the common git dir, shared by all worktrees.</summary>
public sealed record StorePaths(string Directory, string Database, string Lock)
{
    public static StorePaths ForCommonDir(string commonDir)
    {
        var directory = Path.Combine(commonDir, "dialtone");
        return new StorePaths(directory, Path.Combine(directory, "dialtone.duckdb"), Path.Combine(directory, "dialtone.duckdb.lock"));
    }
}
