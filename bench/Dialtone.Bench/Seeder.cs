using Dialtone.Core.Storage;

namespace Dialtone.Bench;

/// <summary>Bulk-fills a store with tickets and subtasks in one SQL statement each (the CLI would take an hour).</summary>
public static class Seeder
{
    public static void Seed(string commonDir, int count)
    {
        using var store = Store.Open(StorePaths.ForCommonDir(commonDir));
        store.InTransaction(() =>
        {
            store.Connection.Execute("""
                INSERT INTO tickets (name, description, branch, base_branch, base_commit, parent, status, created_at, updated_at, revision)
                SELECT 'seeded-' || i, 'Seeded ticket number ' || i || ' about payments, webhooks and retries', 'seeded-' || i,
                       'main', NULL, NULL, CASE WHEN i % 4 = 0 THEN 'open' ELSE 'done' END,
                       TIMESTAMP '2026-01-01' + INTERVAL (i) MINUTE, TIMESTAMP '2026-01-01' + INTERVAL (i) MINUTE, 3
                FROM range($1) t(i)
                """, (long)count);
            store.Connection.Execute("""
                INSERT INTO subtasks (ticket, name, position, description, conditions, test_command, status, deps, created_at, updated_at, started_at)
                SELECT 'seeded-' || i, 'step-' || j, j, 'Step ' || j || ' of seeded ticket ' || i, '["exits 0"]', 'true',
                       'done', '[]', TIMESTAMP '2026-01-01', TIMESTAMP '2026-01-01', NULL
                FROM range($1) t(i), range(3) s(j)
                """, (long)count);
        });
        Console.WriteLine($"seeded {count} tickets into {store.Paths.Database}");
    }
}
