using System.Diagnostics;
using Dialtone.Core.Memory;
using Dialtone.Core.Storage;

namespace Dialtone.Bench;

/// <summary>
/// Bulk-fills the memory tables with done, archived tickets in a handful of SQL statements: each
/// ticket gets ~30 terms drawn log-uniformly from a 20,000-word vocabulary (a few words are common,
/// most are rare, like real text), 3 subtasks of ~8 terms, 5 changed files from a pool of 50,000
/// paths, and a tip on every third. About 1 % are about Stripe webhooks, so the benchmark query has
/// realistic matches to rank. Rows are written ticket by ticket, as `ticket done` writes them, so
/// no table is accidentally sorted by term (which would let DuckDB skip most of a scan).
/// </summary>
public static class ArchiveSeeder
{
    public static void Seed(string commonDir, int count)
    {
        var clock = Stopwatch.StartNew();
        using var store = Store.Open(StorePaths.ForCommonDir(commonDir));
        var c = store.Connection;
        var n = (long)count;
        store.InTransaction(() =>
        {
            c.Execute("""
                INSERT INTO tickets (name, description, branch, base_branch, base_commit, parent, status, created_at, updated_at, revision)
                SELECT 'archived-' || i, 'Archived ticket ' || i, 'archived-' || i, 'main', NULL, NULL, 'done',
                       TIMESTAMP '2025-01-01' + INTERVAL (i) HOUR, TIMESTAMP '2025-01-01' + INTERVAL (i) HOUR + INTERVAL (30 + i % 500) MINUTE, 5
                FROM range($1) t(i)
                """, n);
            c.Execute("""
                INSERT INTO subtasks (ticket, name, position, description, conditions, test_command, status, deps, created_at, updated_at, started_at)
                SELECT 'archived-' || i, 'step-' || j, j, 'Step ' || j || ' of archived ticket ' || i, '["the command exits 0"]',
                       'dotnet test --filter Step' || j, 'done', '[]', TIMESTAMP '2025-01-01', TIMESTAMP '2025-01-01', NULL
                FROM range($1) t(i), range(3) s(j)
                """, n);

            // The vocabulary: 20,000 synthetic words and the Stripe words, as `ticket done` would have added them.
            c.Execute("""
                INSERT INTO memory_terms (id, term)
                SELECT CAST(nextval('memory_term_ids') AS INTEGER), term
                FROM (SELECT 'w' || k AS term FROM range(20001) r(k) UNION ALL SELECT unnest(['stripe', 'webhook', 'signature', 'dispute']))
                WHERE term NOT IN (SELECT term FROM memory_terms)
                """);

            // Ticket documents: 30 draws per ticket, log-uniform over the vocabulary, tf summed (the first
            // three weigh like name words); plus the Stripe words on a few tickets.
            c.Execute("""
                INSERT INTO archive_terms (ticket, term_id, tf)
                SELECT ticket, m.id, sum(tf) FROM (
                    SELECT 'archived-' || i AS ticket, 'w' || CAST(floor(pow(20000, (hash(i, j) % 1000000) / 1000000.0)) AS BIGINT) AS term,
                           CASE WHEN j < 3 THEN 3.0 ELSE 1.0 END AS tf
                    FROM range($1) t(i), range(30) d(j)
                    UNION ALL
                    SELECT 'archived-' || i, w.term, 3.0
                    FROM range($1) t(i), (VALUES ('stripe', 100, 7), ('webhook', 50, 7), ('signature', 200, 7), ('dispute', 400, 7)) w(term, every, offset_)
                    WHERE i % w.every = w.offset_) d
                JOIN memory_terms m ON m.term = d.term
                GROUP BY ticket, m.id
                ORDER BY ticket
                """, n);
            c.Execute("""
                INSERT INTO archive_subtask_terms (ticket, subtask, term_id, tf)
                SELECT ticket, subtask, m.id, sum(tf) FROM (
                    SELECT 'archived-' || i AS ticket, 'step-' || s AS subtask,
                           'w' || CAST(floor(pow(20000, (hash(i, s, j) % 1000000) / 1000000.0)) AS BIGINT) AS term, 1.0 AS tf
                    FROM range($1) t(i), range(3) st(s), range(8) d(j)
                    UNION ALL
                    SELECT 'archived-' || i, 'step-0', w.term, 1.5
                    FROM range($1) t(i), (VALUES ('stripe', 100, 7), ('webhook', 50, 7), ('signature', 200, 7)) w(term, every, offset_)
                    WHERE i % w.every = w.offset_) d
                JOIN memory_terms m ON m.term = d.term
                GROUP BY ticket, subtask, m.id
                ORDER BY ticket, subtask
                """, n);
            c.Execute("""
                INSERT INTO archive_files (ticket, path, file_name)
                SELECT 'archived-' || i, 'src/Module' || (k % 300) || '/File' || k || '.cs', 'File' || k || '.cs'
                FROM (SELECT i, CAST(floor(pow(50000, (hash(i, j, 'f') % 1000000) / 1000000.0)) AS BIGINT) AS k FROM range($1) t(i), range(5) d(j))
                GROUP BY ALL
                ORDER BY 1
                """, n);
            c.Execute("""
                INSERT INTO archive (ticket, description, branch, base_branch, base_commit, head_commit, created_at, archived_at, summary, tip,
                                     subtasks, runs, passed_runs, failed_runs, regressions, log_entries, files, doc_length)
                SELECT t.name, t.description, t.branch, 'main', NULL, NULL, t.created_at, t.updated_at, 'Summary of ' || t.name,
                       CASE WHEN i % 3 = 0 THEN 'Tip number ' || i || ': check the fixtures first.' END,
                       3, 6, 5, 1, 0, 12, (SELECT count(*) FROM archive_files f WHERE f.ticket = t.name),
                       (SELECT sum(tf) FROM archive_terms a WHERE a.ticket = t.name)
                FROM tickets t, LATERAL (SELECT CAST(substr(t.name, 10) AS BIGINT) AS i)
                WHERE t.name LIKE 'archived-%'
                """);
            c.Execute("""
                INSERT INTO archive_subtasks (ticket, name, position, description, conditions, test_command, deps,
                                              runs, passed_runs, failed_runs, regressions, last_pass_ms, doc_length)
                SELECT s.ticket, s.name, s.position, s.description, s.conditions, s.test_command, s.deps, 2, 1, 1, 0, 1200,
                       coalesce(d.len, 1)
                FROM subtasks s
                LEFT JOIN (SELECT ticket, subtask, sum(tf) AS len FROM archive_subtask_terms GROUP BY ALL) d ON d.ticket = s.ticket AND d.subtask = s.name
                WHERE s.ticket LIKE 'archived-%'
                """);
        });
        var archived = store.Archive.Count();
        Console.WriteLine($"archived {archived} tickets into {store.Paths.Database} in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Times the relevance query alone, in process (the store stays open): prints the median of <paramref name="runs"/>.</summary>
    public static void TimeQuery(string commonDir, string text, int runs)
    {
        using var store = Store.Open(StorePaths.ForCommonDir(commonDir));
        var archive = store.Archive;
        var query = MemoryQuery.From([text], []);
        var times = new List<double>();
        List<Candidate> candidates = [];
        for (var i = 0; i < runs + 3; i++)
        {
            var clock = Stopwatch.StartNew();
            candidates = archive.Candidates(query);
            if (i >= 3)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var findings = RelevanceRules.Select(candidates, query);
        Console.WriteLine($"relevance query over {archive.Count()} archived tickets: median {times[times.Count / 2]:0.0} ms, min {times[0]:0.0} ms ({runs} runs); similar: {string.Join(", ", findings.Similar.Select(s => s.Ticket))}");
    }

    /// <summary>Removes a ticket from the store, so the next `ticket start` of that name creates it again.</summary>
    public static void Forget(string commonDir, string ticket)
    {
        using var store = Store.Open(StorePaths.ForCommonDir(commonDir));
        store.InTransaction(() =>
        {
            foreach (var table in (string[])["tickets", "subtasks", "log", "summaries", "runs"])
            {
                store.Connection.Execute($"DELETE FROM {table} WHERE {(table == "tickets" ? "name" : "ticket")} = $1", ticket);
            }
        });
    }
}
