using Dialtone.Core.Memory;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Core.Tickets;
using Dialtone.Records;

namespace Dialtone.Core.Storage;

/// <summary>
/// The memory of done tickets: the archive entry, its subtasks with their run statistics, the
/// term tables the relevance query reads, the files the branch changed, and where imported
/// subtasks came from. All memory SQL is in this class (relevance and statistics in its other
/// parts); runs, log and summaries stay in their own tables, keyed by ticket.
/// </summary>
public sealed partial class ArchiveTable(DuckDbConnection connection)
{
    public long Count() => connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM archive");

    public bool Contains(string ticket) =>
        connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM archive WHERE ticket = $1", ticket) > 0;

    /// <summary>Done tickets that have no archive entry yet (done before the archive existed, or imported from a record).</summary>
    public List<string> Unarchived(int limit)
    {
        // Two counts are cheaper than the anti-join, and nearly always equal.
        if (connection.Scalar<long>("SELECT (SELECT count(*) FROM tickets WHERE status = 'done') - (SELECT count(*) FROM archive)") <= 0)
        {
            return [];
        }

        using var reader = connection.Query(
            "SELECT name FROM tickets t WHERE status = 'done' AND NOT EXISTS (SELECT 1 FROM archive a WHERE a.ticket = t.name) ORDER BY updated_at LIMIT $1",
            (long)limit);
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>
    /// Writes (or rewrites) the archive entry of <paramref name="ticket"/>: run statistics are taken
    /// from the runs and log tables as they are now. Call inside a transaction.
    /// </summary>
    public void Write(Ticket ticket, string? summary, string? headCommit, IReadOnlyList<string> files, DateTimeOffset archivedAt)
    {
        var document = ArchiveDocument.Of(ticket, summary, ticket.Tip);
        foreach (var table in (string[])["archive", "archive_subtasks", "archive_terms", "archive_subtask_terms", "archive_files"])
        {
            connection.Execute($"DELETE FROM {table} WHERE ticket = $1", ticket.Name);
        }

        connection.Execute(
            """
            INSERT INTO archive (ticket, description, branch, base_branch, base_commit, head_commit, created_at, archived_at, summary, tip,
                                 subtasks, runs, passed_runs, failed_runs, regressions, log_entries, files, doc_length)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
                   count(*), count(*) FILTER (WHERE passed), count(*) FILTER (WHERE NOT passed), count(*) FILTER (WHERE regression),
                   (SELECT count(*) FROM log WHERE ticket = $1), $12, $13
            FROM runs WHERE ticket = $1
            """,
            ticket.Name, ticket.Description, ticket.Branch, ticket.BaseBranch, ticket.BaseCommit, headCommit,
            ticket.CreatedAt.UtcDateTime, archivedAt.UtcDateTime, summary, ticket.Tip, ticket.Subtasks.Count, files.Count,
            ArchiveDocument.Length(document.TicketTerms));

        using (var insert = connection.Prepare(
            """
            INSERT INTO archive_subtasks (ticket, name, position, description, conditions, test_command, deps,
                                          runs, passed_runs, failed_runs, regressions, last_pass_ms, doc_length)
            SELECT $1, $2, $3, $4, $5, $6, $7,
                   count(*), count(*) FILTER (WHERE passed), count(*) FILTER (WHERE NOT passed), count(*) FILTER (WHERE regression),
                   arg_max(duration_ms, id) FILTER (WHERE passed), $8
            FROM runs WHERE ticket = $1 AND subtask = $2
            """))
        {
            for (var i = 0; i < ticket.Subtasks.Count; i++)
            {
                var s = ticket.Subtasks[i];
                insert.ClearBindings();
                insert.BindAll(ticket.Name, s.Name, i, s.Description, RecordCodec.StringList(s.Conditions), s.TestCommand,
                    RecordCodec.StringList(s.Dependencies), ArchiveDocument.Length(document.SubtaskTerms[s.Name]));
                insert.ExecuteNonQuery();
            }
        }

        var ids = TermIds(document.TicketTerms.Keys);
        using (var insert = connection.Prepare("INSERT INTO archive_terms (ticket, term_id, tf) VALUES ($1, $2, $3)"))
        {
            foreach (var (term, tf) in document.TicketTerms)
            {
                insert.ClearBindings();
                insert.BindAll(ticket.Name, ids[term], tf);
                insert.ExecuteNonQuery();
            }
        }

        using (var insert = connection.Prepare("INSERT INTO archive_subtask_terms (ticket, subtask, term_id, tf) VALUES ($1, $2, $3, $4)"))
        {
            foreach (var (subtask, terms) in document.SubtaskTerms)
            {
                foreach (var (term, tf) in terms)
                {
                    insert.ClearBindings();
                    insert.BindAll(ticket.Name, subtask, ids[term], tf);
                    insert.ExecuteNonQuery();
                }
            }
        }

        using (var insert = connection.Prepare("INSERT INTO archive_files (ticket, path, file_name) VALUES ($1, $2, $3)"))
        {
            foreach (var path in files)
            {
                insert.ClearBindings();
                insert.BindAll(ticket.Name, path, path[(path.LastIndexOf('/') + 1)..]);
                insert.ExecuteNonQuery();
            }
        }
    }

    /// <summary>
    /// The vocabulary ids of <paramref name="terms"/>, adding the new ones. Term tables hold ids: the
    /// relevance query joins integers, five times faster than strings at 10,000 tickets.
    /// </summary>
    private Dictionary<string, int> TermIds(IEnumerable<string> terms)
    {
        var list = string.Join(' ', terms);
        connection.Execute(
            """
            INSERT INTO memory_terms (id, term)
            SELECT CAST(nextval('memory_term_ids') AS INTEGER), term
            FROM (SELECT DISTINCT unnest(string_split($1, ' ')) AS term) n
            WHERE term <> '' AND NOT EXISTS (SELECT 1 FROM memory_terms m WHERE m.term = n.term)
            """,
            list);
        using var reader = connection.Query(
            "SELECT m.term, m.id FROM memory_terms m WHERE m.term IN (SELECT unnest(string_split($1, ' ')))", list);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids[reader.GetString(0)] = reader.GetInt32(1);
        }

        return ids;
    }

    /// <summary>The archived subtasks of <paramref name="ticket"/> in their order; empty when it is not archived.</summary>
    public List<ArchivedSubtask> Subtasks(string ticket)
    {
        using var reader = connection.Query(
            "SELECT ticket, name, position, description, conditions, test_command, deps FROM archive_subtasks WHERE ticket = $1 ORDER BY position",
            ticket);
        var subtasks = new List<ArchivedSubtask>();
        while (reader.Read())
        {
            subtasks.Add(new ArchivedSubtask(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetString(3),
                RecordCodec.ParseStringList(reader.GetString(4)),
                reader.IsNull(5) ? null : reader.GetString(5),
                RecordCodec.ParseStringList(reader.GetString(6))));
        }

        return subtasks;
    }

    /// <summary>The tip <paramref name="ticket"/> left when it was archived, or null.</summary>
    public string? Tip(string ticket) => connection.Scalar<string>("SELECT tip FROM archive WHERE ticket = $1", ticket);

    /// <summary>Remembers that a subtask of <paramref name="ticket"/> was copied from an archived one.</summary>
    public void RecordImport(string ticket, string subtask, string fromTicket, string fromSubtask, DateTimeOffset at)
    {
        connection.Execute("DELETE FROM subtask_imports WHERE ticket = $1 AND subtask = $2", ticket, subtask);
        connection.Execute(
            "INSERT INTO subtask_imports (ticket, subtask, from_ticket, from_subtask, imported_at) VALUES ($1, $2, $3, $4, $5)",
            ticket, subtask, fromTicket, fromSubtask, at.UtcDateTime);
    }

    /// <summary>Where a subtask was imported from, with that ticket's tip; null when it was not imported.</summary>
    public (string FromTicket, string FromSubtask, string? Tip)? ImportOrigin(string ticket, string subtask)
    {
        using var reader = connection.Query(
            """
            SELECT i.from_ticket, i.from_subtask, a.tip FROM subtask_imports i LEFT JOIN archive a ON a.ticket = i.from_ticket
            WHERE i.ticket = $1 AND i.subtask = $2 ORDER BY i.imported_at DESC LIMIT 1
            """,
            ticket, subtask);
        return reader.Read() ? (reader.GetString(0), reader.GetString(1), reader.IsNull(2) ? null : reader.GetString(2)) : null;
    }
}
