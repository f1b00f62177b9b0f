using Dialtone.Core.Memory;
using Dialtone.Records;

namespace Dialtone.Core.Storage;

/// <summary>The relevance query: BM25 over the term tables plus file overlap, in one statement.</summary>
public sealed partial class ArchiveTable
{
    /// <summary>
    /// One statement scores every archived ticket and subtask against the query. Per query term t:
    /// idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5)) over N documents (tickets, or subtasks);
    /// a document's BM25 is Σ idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)), k1 = 1.2, b = 0.75,
    /// with tf and len weighted by field (see ArchiveDocument). Each query file counts like a term
    /// (idf over the tickets that touched it, a basename or path-suffix match), times
    /// <see cref="FileWeight"/>. Coverage is the matched share of the query's total idf weight, so a
    /// threshold on it means the same in an archive of 5 tickets and of 10,000; a query term no
    /// archived document has is weighed as if one had it (df 1: it cannot be rarer than the rarest
    /// match), or in a small archive one new word would outweigh every shared one.
    /// Terms are matched by vocabulary id (integer joins), and the hit lists are materialised so each
    /// term table is scanned once; scores are rounded to 9 digits so that
    /// ties (summed in parallel, in any order) break by name, the same way every time.
    /// Returns the top tickets, the top subtasks, and every subtask of the top tickets.
    /// </summary>
    private const string RelevanceSql = """
        WITH
        q AS (SELECT DISTINCT term FROM (SELECT unnest(string_split($1, ' ')) AS term) WHERE term <> ''),
        qi AS (SELECT q.term, m.id FROM q LEFT JOIN memory_terms m ON m.term = q.term),
        qf AS (
            SELECT DISTINCT path, regexp_extract(path, '[^/]*$') AS file_name
            FROM (SELECT unnest(string_split($2, chr(10))) AS path) WHERE path <> ''),
        corpus AS (SELECT CAST(count(*) AS DOUBLE) AS n, coalesce(avg(doc_length), 1.0) AS avgdl FROM archive),
        hits AS MATERIALIZED (SELECT t.ticket, t.term_id, t.tf FROM archive_terms t SEMI JOIN qi ON t.term_id = qi.id),
        idf AS (
            SELECT qi.term, qi.id, ln(1 + (c.n - coalesce(d.df, 1) + 0.5) / (coalesce(d.df, 1) + 0.5)) AS idf
            FROM qi CROSS JOIN corpus c LEFT JOIN (SELECT term_id, count(*) AS df FROM hits GROUP BY term_id) d ON d.term_id = qi.id),
        file_hits AS MATERIALIZED (
            SELECT f.ticket, qf.path, min(f.path) AS shown
            FROM archive_files f JOIN qf ON f.file_name = qf.file_name
            WHERE f.path = qf.path OR ends_with(f.path, '/' || qf.path)
            GROUP BY f.ticket, qf.path),
        file_idf AS (
            SELECT qf.path, ln(1 + (c.n - coalesce(d.df, 1) + 0.5) / (coalesce(d.df, 1) + 0.5)) AS idf
            FROM qf CROSS JOIN corpus c LEFT JOIN (SELECT path, count(*) AS df FROM file_hits GROUP BY path) d ON d.path = qf.path),
        mass AS (
            SELECT nullif(coalesce((SELECT sum(idf) FROM idf), 0) + {FileWeight} * coalesce((SELECT sum(idf) FROM file_idf), 0), 0) AS total),
        text_scores AS (
            SELECT h.ticket,
                   sum(i.idf * h.tf * 2.2 / (h.tf + 1.2 * (0.25 + 0.75 * a.doc_length / c.avgdl))) AS bm25,
                   sum(i.idf) AS matched,
                   string_agg(i.term, ' ' ORDER BY i.idf DESC, i.term) AS terms
            FROM hits h JOIN idf i ON i.id = h.term_id JOIN archive a ON a.ticket = h.ticket CROSS JOIN corpus c
            GROUP BY h.ticket),
        file_scores AS (
            SELECT fh.ticket, sum(fi.idf) AS matched, string_agg(fh.shown, chr(10) ORDER BY fi.idf DESC, fh.shown) AS files
            FROM file_hits fh JOIN file_idf fi ON fi.path = fh.path
            GROUP BY fh.ticket),
        top_tickets AS (
            SELECT coalesce(t.ticket, f.ticket) AS ticket,
                   round(coalesce(t.bm25, 0) + {FileWeight} * coalesce(f.matched, 0), 9) AS score,
                   (coalesce(t.matched, 0) + {FileWeight} * coalesce(f.matched, 0)) / m.total AS coverage,
                   t.terms, f.files
            FROM text_scores t FULL OUTER JOIN file_scores f ON f.ticket = t.ticket CROSS JOIN mass m
            ORDER BY score DESC, ticket LIMIT $3),
        sub_corpus AS (SELECT CAST(count(*) AS DOUBLE) AS n, coalesce(avg(doc_length), 1.0) AS avgdl FROM archive_subtasks),
        sub_hits AS MATERIALIZED (SELECT s.ticket, s.subtask, s.term_id, s.tf FROM archive_subtask_terms s SEMI JOIN qi ON s.term_id = qi.id),
        sub_idf AS (
            SELECT qi.term, qi.id, ln(1 + (c.n - coalesce(d.df, 1) + 0.5) / (coalesce(d.df, 1) + 0.5)) AS idf
            FROM qi CROSS JOIN sub_corpus c LEFT JOIN (SELECT term_id, count(*) AS df FROM sub_hits GROUP BY term_id) d ON d.term_id = qi.id),
        sub_mass AS (SELECT nullif(coalesce(sum(idf), 0), 0) AS total FROM sub_idf),
        sub_scores AS (
            SELECT h.ticket, h.subtask,
                   round(sum(i.idf * h.tf * 2.2 / (h.tf + 1.2 * (0.25 + 0.75 * s.doc_length / c.avgdl))), 9) AS bm25,
                   sum(i.idf) AS matched,
                   string_agg(i.term, ' ' ORDER BY i.idf DESC, i.term) AS terms
            FROM sub_hits h JOIN sub_idf i ON i.id = h.term_id
            JOIN archive_subtasks s ON s.ticket = h.ticket AND s.name = h.subtask CROSS JOIN sub_corpus c
            GROUP BY h.ticket, h.subtask),
        top_subtasks AS (SELECT * FROM sub_scores ORDER BY bm25 DESC, ticket, subtask LIMIT $4),
        sub_candidates AS (
            SELECT coalesce(s.ticket, o.ticket) AS ticket, coalesce(s.subtask, o.name) AS subtask,
                   coalesce(s.bm25, 0) AS score, coalesce(s.matched, 0) / m.total AS coverage, s.terms
            FROM top_subtasks s
            FULL OUTER JOIN (SELECT st.ticket, st.name FROM archive_subtasks st SEMI JOIN top_tickets tt ON tt.ticket = st.ticket) o
              ON o.ticket = s.ticket AND o.name = s.subtask
            CROSS JOIN sub_mass m)
        SELECT t.ticket, NULL AS subtask, t.score, coalesce(t.coverage, 0), t.terms, t.files, a.tip, a.description,
               NULL AS conditions, NULL AS test_command, 0 AS position
        FROM top_tickets t JOIN archive a ON a.ticket = t.ticket
        UNION ALL
        SELECT c.ticket, c.subtask, c.score, coalesce(c.coverage, 0), c.terms, NULL, a.tip, st.description,
               st.conditions, st.test_command, st.position
        FROM sub_candidates c
        JOIN archive_subtasks st ON st.ticket = c.ticket AND st.name = c.subtask
        JOIN archive a ON a.ticket = c.ticket
        """;

    /// <summary>How much one shared file counts against one shared term of the same rarity.</summary>
    public const double FileWeight = 2.0;

    private static readonly string Relevance = RelevanceSql.Replace("{FileWeight}", FileWeight.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>
    /// The best <paramref name="tickets"/> tickets and <paramref name="subtasks"/> subtasks for the
    /// query (plus every subtask of those tickets), scored; choosing what is relevant is
    /// <see cref="RelevanceRules"/>' job.
    /// </summary>
    public List<Candidate> Candidates(MemoryQuery query, int tickets = 5, int subtasks = 10)
    {
        var candidates = new List<Candidate>();
        if (query.IsEmpty)
        {
            return candidates;
        }

        using var reader = connection.Query(Relevance, query.TermsParameter, query.FilesParameter, (long)tickets, (long)subtasks);
        while (reader.Read())
        {
            candidates.Add(new Candidate
            {
                Ticket = reader.GetString(0),
                Subtask = reader.IsNull(1) ? null : reader.GetString(1),
                Score = reader.GetDouble(2),
                Coverage = reader.GetDouble(3),
                SharedTerms = reader.IsNull(4) ? [] : reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                SharedFiles = reader.IsNull(5) ? [] : reader.GetString(5).Split('\n', StringSplitOptions.RemoveEmptyEntries),
                Tip = reader.IsNull(6) ? null : reader.GetString(6),
                Description = reader.GetString(7),
                Conditions = reader.IsNull(8) ? [] : RecordCodec.ParseStringList(reader.GetString(8)),
                TestCommand = reader.IsNull(9) ? null : reader.GetString(9),
                Position = reader.GetInt32(10),
            });
        }

        return candidates;
    }
}
