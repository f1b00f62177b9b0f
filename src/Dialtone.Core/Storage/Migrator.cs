using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Storage;

/// <summary>Brings a store up to the latest schema, one transaction per step, forward only.</summary>
public static class Migrator
{
    /// <summary>Applies the missing steps and returns the resulting schema version.</summary>
    public static int Migrate(DuckDbConnection connection, IReadOnlyList<Migration> migrations)
    {
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                description VARCHAR NOT NULL,
                applied_at  TIMESTAMP NOT NULL
            )
            """);
        var applied = new HashSet<int>();
        using (var reader = connection.Query("SELECT version FROM schema_version"))
        {
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var current = applied.Count == 0 ? 0 : applied.Max();
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw DialtoneError.Environment(
                $"The store has schema version {current}, newer than this dialtone knows ({latest}).",
                "Update dialtone (git pull in its repository, then ./dialtone.sh rebuilds).");
        }

        // Every known step not yet applied, in order: a step that arrived after a later one (two
        // branches adding migrations) still runs, instead of being skipped for its lower number.
        foreach (var migration in migrations)
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();
            connection.Execute(migration.Sql);
            connection.Execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3)",
                migration.Version,
                migration.Description,
                DateTime.UtcNow);
            transaction.Commit();
            applied.Add(migration.Version);
            current = Math.Max(current, migration.Version);
        }

        return current;
    }
}
