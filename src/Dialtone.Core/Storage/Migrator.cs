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
        var current = (int)connection.Scalar<long>("SELECT CAST(coalesce(max(version), 0) AS BIGINT) FROM schema_version");
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw DialtoneError.Environment(
                $"The store has schema version {current}, newer than this dialtone knows ({latest}).",
                "Update dialtone (git pull in its repository, then ./dialtone.sh rebuilds).");
        }

        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
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
            current = migration.Version;
        }

        return current;
    }
}
