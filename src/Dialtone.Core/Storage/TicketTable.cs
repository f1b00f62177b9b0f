using System.Globalization;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Core.Tickets;
using Dialtone.Records;

namespace Dialtone.Core.Storage;

/// <summary>Tickets and their subtasks in the store. SQL lives here and only here for these tables.</summary>
public sealed class TicketTable(DuckDbConnection connection)
{
    private const string TicketColumns =
        "name, description, branch, base_branch, base_commit, parent, status, created_at, updated_at, revision";

    private const string SubtaskColumns =
        "ticket, name, position, description, conditions, test_command, status, deps, created_at, updated_at, started_at";

    public Ticket? Find(string name) => LoadOne("WHERE name = $1", name);

    /// <summary>The open ticket whose branch is <paramref name="branch"/>, if any (the current ticket).</summary>
    public Ticket? FindByBranch(string branch) =>
        LoadOne("WHERE branch = $1 ORDER BY (status = 'open') DESC, updated_at DESC LIMIT 1", branch);

    /// <summary>Tickets without their subtasks, newest first; <see cref="SubtaskCounts"/> gives the progress.</summary>
    public List<Ticket> List(bool includeDone)
    {
        var where = includeDone ? "" : "WHERE status = 'open'";
        using var reader = connection.Query($"SELECT {TicketColumns} FROM tickets {where} ORDER BY updated_at DESC, name");
        var tickets = new List<Ticket>();
        while (reader.Read())
        {
            tickets.Add(ReadTicket(reader));
        }

        return tickets;
    }

    /// <summary>(done, total) subtasks per ticket name.</summary>
    public Dictionary<string, (int Done, int Total)> SubtaskCounts()
    {
        using var reader = connection.Query(
            "SELECT ticket, CAST(count(*) FILTER (WHERE status = 'done') AS BIGINT), CAST(count(*) AS BIGINT) FROM subtasks GROUP BY ticket");
        var counts = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = ((int)reader.GetInt64(1), (int)reader.GetInt64(2));
        }

        return counts;
    }

    /// <summary>Ticket counts for the [SCHEMA] line: open, done, and subtasks in all.</summary>
    public (long Open, long Done, long Subtasks) Counts()
    {
        using var reader = connection.Query("""
            SELECT CAST(count(*) FILTER (WHERE status = 'open') AS BIGINT),
                   CAST(count(*) FILTER (WHERE status = 'done') AS BIGINT),
                   (SELECT CAST(count(*) AS BIGINT) FROM subtasks)
            FROM tickets
            """);
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>
    /// Stores the ticket as it is now. Call inside a transaction. Only what changed is written: the
    /// ticket row, the subtasks whose fields differ from the stored ones, and chain entries appended
    /// since the last save, so one more subtask or signature costs the same on a ticket of any size.
    /// </summary>
    public void Save(Ticket ticket)
    {
        connection.Execute("DELETE FROM tickets WHERE name = $1", ticket.Name);
        connection.Execute(
            $"INSERT INTO tickets ({TicketColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            ticket.Name,
            ticket.Description,
            ticket.Branch,
            ticket.BaseBranch,
            ticket.BaseCommit,
            ticket.Parent,
            StatusText.Of(ticket.Status),
            ticket.CreatedAt.UtcDateTime,
            ticket.UpdatedAt.UtcDateTime,
            ticket.Revision);

        SaveTip(ticket);
        SaveSubtasks(ticket);
        SaveSignatures(ticket);
    }

    private void SaveTip(Ticket ticket)
    {
        var stored = connection.Scalar<string>("SELECT text FROM tips WHERE ticket = $1 ORDER BY written_at DESC LIMIT 1", ticket.Name);
        if (stored == ticket.Tip)
        {
            return;
        }

        connection.Execute("DELETE FROM tips WHERE ticket = $1", ticket.Name);
        if (ticket.Tip is not null)
        {
            connection.Execute("INSERT INTO tips (ticket, written_at, author, text) VALUES ($1, $2, '', $3)", ticket.Name, ticket.UpdatedAt.UtcDateTime, ticket.Tip);
        }
    }

    private void SaveSubtasks(Ticket ticket)
    {
        var stored = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        using (var reader = connection.Query($"SELECT {SubtaskColumns} FROM subtasks WHERE ticket = $1", ticket.Name))
        {
            while (reader.Read())
            {
                var row = new object?[11];
                for (var column = 0; column < row.Length; column++)
                {
                    row[column] = reader.IsNull(column) ? null : column switch
                    {
                        2 => reader.GetInt32(column),
                        8 or 9 or 10 => reader.GetDateTime(column),
                        _ => reader.GetString(column),
                    };
                }

                stored[(string)row[1]!] = row;
            }
        }

        foreach (var name in stored.Keys.Where(name => ticket.FindSubtask(name) is null))
        {
            connection.Execute("DELETE FROM subtasks WHERE ticket = $1 AND name = $2", ticket.Name, name);
        }

        for (var i = 0; i < ticket.Subtasks.Count; i++)
        {
            var row = Row(ticket, i);
            if (!stored.TryGetValue(ticket.Subtasks[i].Name, out var existing))
            {
                connection.Execute($"INSERT INTO subtasks ({SubtaskColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", row);
            }
            else if (!row.SequenceEqual(existing))
            {
                connection.Execute(
                    "UPDATE subtasks SET position = $3, description = $4, conditions = $5, test_command = $6, status = $7, deps = $8, created_at = $9, updated_at = $10, started_at = $11 WHERE ticket = $1 AND name = $2",
                    row);
            }
        }
    }

    private static object?[] Row(Ticket ticket, int position)
    {
        var s = ticket.Subtasks[position];
        return
        [
            ticket.Name,
            s.Name,
            position,
            s.Description,
            ToJson(s.Conditions),
            s.TestCommand,
            StatusText.Of(s.Status),
            ToJson(s.Dependencies),
            s.CreatedAt.UtcDateTime,
            s.UpdatedAt.UtcDateTime,
            s.StartedAt?.UtcDateTime,
        ];
    }

    private Ticket? LoadOne(string where, string argument)
    {
        Ticket? ticket;
        using (var reader = connection.Query($"SELECT {TicketColumns} FROM tickets {where}", argument))
        {
            if (!reader.Read())
            {
                return null;
            }

            ticket = ReadTicket(reader);
        }

        using var subtasks = connection.Query(
            $"SELECT {SubtaskColumns} FROM subtasks WHERE ticket = $1 ORDER BY position", ticket.Name);
        while (subtasks.Read())
        {
            ticket.Subtasks.Add(new Subtask
            {
                Name = subtasks.GetString(1),
                Description = subtasks.GetString(3),
                Conditions = FromJson(subtasks.GetString(4)),
                TestCommand = subtasks.IsNull(5) ? null : subtasks.GetString(5),
                Status = StatusText.ParseSubtask(subtasks.GetString(6)),
                Dependencies = FromJson(subtasks.GetString(7)),
                CreatedAt = StoreTime.Utc(subtasks.GetDateTime(8)),
                UpdatedAt = StoreTime.Utc(subtasks.GetDateTime(9)),
                StartedAt = subtasks.IsNull(10) ? null : StoreTime.Utc(subtasks.GetDateTime(10)),
            });
        }

        LoadSignatures(ticket);
        return ticket;
    }

    private void SaveSignatures(Ticket ticket)
    {
        // Chains only grow; a stored chain that is not a prefix of this one (an imported record that
        // rewrote it) is replaced whole.
        var storedAttestations = StoredHashes("attestations", ticket.Name);
        var keepAttestations = IsPrefix(storedAttestations, ticket.Attestations.ConvertAll(a => a.Hash));
        if (!keepAttestations)
        {
            connection.Execute("DELETE FROM attestations WHERE ticket = $1", ticket.Name);
        }

        foreach (var a in ticket.Attestations.Skip(keepAttestations ? storedAttestations.Count : 0))
        {
            connection.Execute(
                "INSERT INTO attestations (ticket, seq, subtask, command, exit_code, duration_ms, tree, output_digest, signed_at, signer, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                ticket.Name, a.Seq, a.Subtask, a.Command, a.ExitCode, a.DurationMs, a.Tree, a.OutputDigest, a.SignedAt.UtcDateTime, a.Signer, a.PrevHash, a.Hash);
        }

        var storedValidation = connection.Scalar<string>("SELECT hash FROM validations WHERE ticket = $1", ticket.Name);
        if (storedValidation != ticket.Validation?.Hash)
        {
            connection.Execute("DELETE FROM validations WHERE ticket = $1", ticket.Name);
            if (ticket.Validation is { } v)
            {
                var results = string.Join(';', v.Results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Subtask}={r.ExitCode}:{r.DurationMs}:{(r.Passed ? 1 : 0)}")));
                connection.Execute(
                    "INSERT INTO validations (ticket, tree, validated_at, passed, results, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    ticket.Name, v.Tree, v.ValidatedAt.UtcDateTime, v.Passed, results, v.PrevHash, v.Hash);
            }
        }

        var storedEvidence = StoredHashes("evidence", ticket.Name);
        var keepEvidence = IsPrefix(storedEvidence, ticket.Evidence.ConvertAll(e => e.Hash));
        if (!keepEvidence)
        {
            connection.Execute("DELETE FROM evidence WHERE ticket = $1", ticket.Name);
        }

        foreach (var e in ticket.Evidence.Skip(keepEvidence ? storedEvidence.Count : 0))
        {
            connection.Execute(
                "INSERT INTO evidence (ticket, seq, kind, happened_at, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                ticket.Name, e.Seq, e.Kind, e.At.UtcDateTime, e.Detail, e.PrevHash, e.Hash);
        }

        var storedSeal = connection.Scalar<string>("SELECT hash FROM done_seals WHERE ticket = $1", ticket.Name);
        if (storedSeal != ticket.Done?.Hash)
        {
            connection.Execute("DELETE FROM done_seals WHERE ticket = $1", ticket.Name);
            if (ticket.Done is { } d)
            {
                connection.Execute(
                    "INSERT INTO done_seals (ticket, sealed_at, tip, summary, evidence_head, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    ticket.Name, d.At.UtcDateTime, d.Tip, d.Summary, d.EvidenceHead, d.PrevHash, d.Hash);
            }
        }
    }

    private List<string> StoredHashes(string table, string ticket)
    {
        var hashes = new List<string>();
        using var reader = connection.Query($"SELECT hash FROM {table} WHERE ticket = $1 ORDER BY seq", ticket);
        while (reader.Read())
        {
            hashes.Add(reader.GetString(0));
        }

        return hashes;
    }

    private static bool IsPrefix(List<string> stored, List<string> current) =>
        stored.Count <= current.Count && stored.SequenceEqual(current.Take(stored.Count), StringComparer.Ordinal);

    private void LoadSignatures(Ticket ticket)
    {
        using (var reader = connection.Query(
            "SELECT seq, subtask, command, exit_code, duration_ms, tree, output_digest, signed_at, signer, prev_hash, hash FROM attestations WHERE ticket = $1 ORDER BY seq", ticket.Name))
        {
            while (reader.Read())
            {
                ticket.Attestations.Add(new Attestation
                {
                    Seq = reader.GetInt32(0),
                    Subtask = reader.GetString(1),
                    Command = reader.GetString(2),
                    ExitCode = reader.GetInt32(3),
                    DurationMs = reader.GetInt64(4),
                    Tree = reader.GetString(5),
                    OutputDigest = reader.GetString(6),
                    SignedAt = StoreTime.Utc(reader.GetDateTime(7)),
                    Signer = reader.GetString(8),
                    PrevHash = reader.GetString(9),
                    Hash = reader.GetString(10),
                });
            }
        }

        using (var reader = connection.Query("SELECT tree, validated_at, passed, results, prev_hash, hash FROM validations WHERE ticket = $1", ticket.Name))
        {
            if (reader.Read())
            {
                var validation = new Validation
                {
                    Tree = reader.GetString(0),
                    ValidatedAt = StoreTime.Utc(reader.GetDateTime(1)),
                    Passed = reader.GetBoolean(2),
                    PrevHash = reader.GetString(4),
                    Hash = reader.GetString(5),
                };
                foreach (var item in reader.GetString(3).Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    var (name, rest) = (item[..item.IndexOf('=', StringComparison.Ordinal)], item[(item.IndexOf('=', StringComparison.Ordinal) + 1)..].Split(':'));
                    validation.Results.Add(new ValidationResult(
                        name, int.Parse(rest[0], CultureInfo.InvariantCulture), long.Parse(rest[1], CultureInfo.InvariantCulture), rest[2] == "1"));
                }

                ticket.Validation = validation;
            }
        }

        ticket.Tip = connection.Scalar<string>("SELECT text FROM tips WHERE ticket = $1 ORDER BY written_at DESC LIMIT 1", ticket.Name);

        using (var reader = connection.Query("SELECT seq, kind, happened_at, detail, prev_hash, hash FROM evidence WHERE ticket = $1 ORDER BY seq", ticket.Name))
        {
            while (reader.Read())
            {
                ticket.Evidence.Add(new Evidence
                {
                    Seq = reader.GetInt32(0),
                    Kind = reader.GetString(1),
                    At = StoreTime.Utc(reader.GetDateTime(2)),
                    Detail = reader.GetString(3),
                    PrevHash = reader.GetString(4),
                    Hash = reader.GetString(5),
                });
            }
        }

        using (var reader = connection.Query("SELECT sealed_at, tip, summary, evidence_head, prev_hash, hash FROM done_seals WHERE ticket = $1", ticket.Name))
        {
            if (reader.Read())
            {
                ticket.Done = new DoneSeal
                {
                    At = StoreTime.Utc(reader.GetDateTime(0)),
                    Tip = reader.GetString(1),
                    Summary = reader.IsNull(2) ? null : reader.GetString(2),
                    EvidenceHead = reader.GetString(3),
                    PrevHash = reader.GetString(4),
                    Hash = reader.GetString(5),
                };
            }
        }
    }

    private static Ticket ReadTicket(DuckDbReader reader) => new()
    {
        Name = reader.GetString(0),
        Description = reader.GetString(1),
        Branch = reader.GetString(2),
        BaseBranch = reader.IsNull(3) ? null : reader.GetString(3),
        BaseCommit = reader.IsNull(4) ? null : reader.GetString(4),
        Parent = reader.IsNull(5) ? null : reader.GetString(5),
        Status = StatusText.ParseTicket(reader.GetString(6)),
        CreatedAt = StoreTime.Utc(reader.GetDateTime(7)),
        UpdatedAt = StoreTime.Utc(reader.GetDateTime(8)),
        Revision = reader.GetInt64(9),
    };

    private static string ToJson(List<string> values) => RecordCodec.StringList(values);

    private static List<string> FromJson(string json) => RecordCodec.ParseStringList(json);
}
