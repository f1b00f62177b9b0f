using Dialtone.Core.Memory;

namespace Dialtone.Core.Storage;

/// <summary>The statistics `dialtone stats` shows, over all tickets or one ($1; NULL = all).</summary>
public sealed partial class ArchiveTable
{
    public StoreStats Stats(string? ticket, int top)
    {
        var limit = (long)top;
        return new StoreStats(
            Totals(ticket),
            Read(
                """
                WITH sub AS (SELECT ticket, count(*) AS n FROM subtasks GROUP BY ticket),
                     run AS (SELECT ticket, count(*) AS n, count(*) FILTER (WHERE passed) AS p, count(*) FILTER (WHERE NOT passed) AS f,
                                    count(*) FILTER (WHERE regression) AS r FROM runs GROUP BY ticket)
                SELECT t.name, t.status, t.created_at, CASE WHEN t.status = 'done' THEN coalesce(a.archived_at, t.updated_at) END,
                       coalesce(sub.n, 0), coalesce(run.n, 0), coalesce(run.p, 0), coalesce(run.f, 0), coalesce(run.r, 0)
                FROM tickets t LEFT JOIN archive a ON a.ticket = t.name LEFT JOIN sub ON sub.ticket = t.name LEFT JOIN run ON run.ticket = t.name
                WHERE $1 IS NULL OR t.name = $1
                ORDER BY coalesce(a.archived_at, t.updated_at) DESC, t.name LIMIT $2
                """,
                r => new TicketStats(r.GetString(0), r.GetString(1), StoreTime.Utc(r.GetDateTime(2)), r.IsNull(3) ? null : StoreTime.Utc(r.GetDateTime(3)),
                    r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)),
                ticket, limit),
            ticket is null ? [] : Read(
                """
                SELECT s.ticket, s.name, count(r.id), count(r.id) FILTER (WHERE r.passed), count(r.id) FILTER (WHERE NOT r.passed),
                       count(r.id) FILTER (WHERE r.regression), CAST(coalesce(median(r.duration_ms), 0) AS BIGINT)
                FROM subtasks s LEFT JOIN runs r ON r.ticket = s.ticket AND r.subtask = s.name
                WHERE s.ticket = $1
                GROUP BY s.ticket, s.name, s.position ORDER BY s.position
                """,
                r => new SubtaskStats(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)),
                ticket),
            Read(
                """
                SELECT ticket, subtask, command, count(*), CAST(median(duration_ms) AS BIGINT), max(duration_ms)
                FROM runs WHERE ($1 IS NULL OR ticket = $1) AND NOT timed_out
                GROUP BY ticket, subtask, command
                ORDER BY median(duration_ms) DESC, ticket, subtask LIMIT $2
                """,
                r => new SlowTest(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)),
                ticket, limit),
            Read(
                """
                SELECT command, tree_before, count(*) FILTER (WHERE passed), count(*) FILTER (WHERE NOT passed),
                       count(*) FILTER (WHERE NOT passed AND exit_code = 0 AND NOT timed_out),
                       string_agg(DISTINCT ticket || '/' || subtask, ', ' ORDER BY ticket || '/' || subtask)
                FROM runs WHERE $1 IS NULL OR ticket = $1
                GROUP BY command, tree_before
                HAVING bool_or(passed) AND bool_or(NOT passed)
                ORDER BY max(started_at) DESC, command LIMIT $2
                """,
                r => new FlakyCommand(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetString(5)),
                ticket, limit),
            Read(
                """
                SELECT id, ticket, subtask, command, exit_code, started_at FROM runs
                WHERE regression AND ($1 IS NULL OR ticket = $1)
                ORDER BY id DESC LIMIT $2
                """,
                r => new RegressionRun(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), StoreTime.Utc(r.GetDateTime(5))),
                ticket, limit));
    }

    private StatsTotals Totals(string? ticket)
    {
        using var reader = connection.Query(
            """
            SELECT (SELECT count(*) FROM tickets WHERE status = 'open' AND ($1 IS NULL OR name = $1)),
                   (SELECT count(*) FROM tickets WHERE status = 'done' AND ($1 IS NULL OR name = $1)),
                   (SELECT count(*) FROM subtasks WHERE $1 IS NULL OR ticket = $1),
                   count(*), count(*) FILTER (WHERE passed), count(*) FILTER (WHERE NOT passed), count(*) FILTER (WHERE regression),
                   (SELECT CAST(median(epoch_ms(coalesce(a.archived_at, t.updated_at)) - epoch_ms(t.created_at)) AS BIGINT)
                    FROM tickets t LEFT JOIN archive a ON a.ticket = t.name WHERE t.status = 'done' AND ($1 IS NULL OR t.name = $1))
            FROM runs WHERE $1 IS NULL OR ticket = $1
            """,
            ticket);
        reader.Read();
        return new StatsTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6),
            reader.IsNull(7) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(7)));
    }

    private List<T> Read<T>(string sql, Func<DuckDb.DuckDbReader, T> row, params object?[] args)
    {
        using var reader = connection.Query(sql, args);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
