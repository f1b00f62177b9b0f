using System.Text.Json;
using Dialtone.Core.Alerts;
using Dialtone.Core.DocDiff;
using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Storage;

/// <summary>
/// Design-doc alerts and external events (`alerts`), the acknowledged version of each watched doc
/// per ticket and stream (`doc_baselines`), the base-branch tip each ticket was last checked
/// against (`doc_scans`), contents of acknowledged versions git may not have (`doc_blobs`), and
/// the watch list's additions and exclusions (`doc_watches`). Schema: migration 3.
/// </summary>
public sealed class AlertTable(DuckDbConnection connection)
{
    private const string Columns =
        "id, ticket, kind, stream, path, from_blob, to_blob, base_ref, changed_at, author, commit_id, subject, changes, source, level, text, raised_at, acked_at, ack_note";

    /// <summary>Unacknowledged alerts of a ticket, oldest first.</summary>
    public List<Alert> Pending(string ticket) => Load("WHERE ticket = $1 AND acked_at IS NULL ORDER BY id", ticket);

    public Alert? Find(long id) => Load("WHERE id = $1", id).FirstOrDefault();

    public long PendingCount(string ticket) =>
        connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM alerts WHERE ticket = $1 AND acked_at IS NULL", ticket);

    /// <summary>Raises a doc alert, or updates the pending one of the same doc and stream (it now shows the newer version).</summary>
    public long RaiseDoc(Alert alert, DateTimeOffset now)
    {
        var changes = Serialize(alert.Changes);
        var pending = connection.Scalar<long?>(
            "SELECT id FROM alerts WHERE ticket = $1 AND kind = 'doc' AND stream = $2 AND path = $3 AND acked_at IS NULL ORDER BY id LIMIT 1",
            alert.Ticket, StreamName(alert.Stream), alert.Path);
        if (pending is { } id)
        {
            connection.Execute(
                "UPDATE alerts SET to_blob = $2, changed_at = $3, author = $4, commit_id = $5, subject = $6, changes = $7, updated_at = $8, base_ref = $9 WHERE id = $1",
                id, alert.ToBlob, alert.ChangedAt.UtcDateTime, alert.Author, alert.Commit, alert.Subject, changes, now.UtcDateTime, alert.BaseRef);
            return id;
        }

        return connection.Scalar<long>(
            """
            INSERT INTO alerts (ticket, kind, stream, path, from_blob, to_blob, base_ref, changed_at, author, commit_id, subject, changes, source, level, raised_at, updated_at)
            VALUES ($1, 'doc', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'git', 'warn', $12, $12) RETURNING id
            """,
            alert.Ticket, StreamName(alert.Stream), alert.Path, alert.FromBlob, alert.ToBlob, alert.BaseRef,
            alert.ChangedAt.UtcDateTime, alert.Author, alert.Commit, alert.Subject, changes, now.UtcDateTime);
    }

    /// <summary>An external event for one ticket.</summary>
    public long RaiseEvent(string ticket, string text, string source, AlertLevel level, DateTimeOffset now) =>
        connection.Scalar<long>(
            """
            INSERT INTO alerts (ticket, kind, changed_at, changes, source, level, text, raised_at, updated_at)
            VALUES ($1, 'event', $2, '[]', $3, $4, $5, $2, $2) RETURNING id
            """,
            ticket, now.UtcDateTime, source, LevelName(level), text);

    public void Acknowledge(long id, string? note, DateTimeOffset at) =>
        connection.Execute("UPDATE alerts SET acked_at = $2, ack_note = $3 WHERE id = $1", id, at.UtcDateTime, note);

    public List<Baseline> Baselines(string ticket)
    {
        using var reader = connection.Query("SELECT stream, path, blob FROM doc_baselines WHERE ticket = $1", ticket);
        var baselines = new List<Baseline>();
        while (reader.Read())
        {
            baselines.Add(new Baseline(ParseStream(reader.GetString(0)), reader.GetString(1), reader.IsNull(2) ? null : reader.GetString(2)));
        }

        return baselines;
    }

    public void SetBaseline(string ticket, AlertStream stream, string path, string? blob, DateTimeOffset at) =>
        connection.Execute(
            "INSERT OR REPLACE INTO doc_baselines (ticket, stream, path, blob, acked_at) VALUES ($1, $2, $3, $4, $5)",
            ticket, StreamName(stream), path, blob, at.UtcDateTime);

    /// <summary>Whether the ticket's baselines were taken, and the base-branch tip it was last checked against.</summary>
    public (bool Exists, string? BaseTip) Scan(string ticket)
    {
        using var reader = connection.Query("SELECT base_tip FROM doc_scans WHERE ticket = $1", ticket);
        return reader.Read() ? (true, reader.IsNull(0) ? null : reader.GetString(0)) : (false, null);
    }

    public void SetScan(string ticket, string? baseTip, DateTimeOffset at) =>
        connection.Execute("INSERT OR REPLACE INTO doc_scans (ticket, base_tip, scanned_at) VALUES ($1, $2, $3)", ticket, baseTip, at.UtcDateTime);

    /// <summary>Keeps the text of a version that exists only in a work tree, so later diffs can start from it.</summary>
    public void StoreBlob(string blob, string content, DateTimeOffset at) =>
        connection.Execute("INSERT OR IGNORE INTO doc_blobs (blob, content, stored_at) VALUES ($1, $2, $3)", blob, content, at.UtcDateTime);

    public string? BlobContent(string blob) => connection.Scalar<string>("SELECT content FROM doc_blobs WHERE blob = $1", blob);

    public List<WatchEntry> Watches()
    {
        using var reader = connection.Query("SELECT pattern, mode, added_at, added_by FROM doc_watches ORDER BY added_at, pattern");
        var entries = new List<WatchEntry>();
        while (reader.Read())
        {
            entries.Add(new WatchEntry(reader.GetString(0), reader.GetString(1) == "exclude", StoreTime.Utc(reader.GetDateTime(2)), reader.GetString(3)));
        }

        return entries;
    }

    public void SetWatch(string pattern, bool exclude, DateTimeOffset at, string by) =>
        connection.Execute(
            "INSERT OR REPLACE INTO doc_watches (pattern, mode, added_at, added_by) VALUES ($1, $2, $3, $4)",
            pattern, exclude ? "exclude" : "add", at.UtcDateTime, by);

    public bool RemoveWatch(string pattern) => connection.Execute("DELETE FROM doc_watches WHERE pattern = $1", pattern) > 0;

    public static string StreamName(AlertStream stream) => stream == AlertStream.Local ? "local" : "upstream";

    public static string LevelName(AlertLevel level) => level switch
    {
        AlertLevel.Error => "error",
        AlertLevel.Info => "info",
        _ => "warn",
    };

    private static AlertStream ParseStream(string text) => text == "upstream" ? AlertStream.Upstream : AlertStream.Local;

    private static AlertLevel ParseLevel(string text) => text switch
    {
        "error" => AlertLevel.Error,
        "info" => AlertLevel.Info,
        _ => AlertLevel.Warn,
    };

    private static string Serialize(IReadOnlyList<DocChange> changes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var change in changes)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", change.KindName);
                writer.WriteString("text", change.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static List<DocChange> Deserialize(string json)
    {
        var changes = new List<DocChange>();
        if (json is "[]" or "")
        {
            return changes;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            changes.Add(new DocChange(DocChange.ParseKind(item.GetProperty("kind").GetString() ?? ""), item.GetProperty("text").GetString() ?? ""));
        }

        return changes;
    }

    private List<Alert> Load(string where, params object?[] args)
    {
        using var reader = connection.Query($"SELECT {Columns} FROM alerts {where}", args);
        var alerts = new List<Alert>();
        while (reader.Read())
        {
            alerts.Add(new Alert
            {
                Id = reader.GetInt64(0),
                Ticket = reader.GetString(1),
                Kind = reader.GetString(2) == "event" ? AlertKind.Event : AlertKind.Doc,
                Stream = reader.IsNull(3) ? AlertStream.Local : ParseStream(reader.GetString(3)),
                Path = reader.IsNull(4) ? null : reader.GetString(4),
                FromBlob = reader.IsNull(5) ? null : reader.GetString(5),
                ToBlob = reader.IsNull(6) ? null : reader.GetString(6),
                BaseRef = reader.IsNull(7) ? null : reader.GetString(7),
                ChangedAt = StoreTime.Utc(reader.GetDateTime(8)),
                Author = reader.IsNull(9) ? null : reader.GetString(9),
                Commit = reader.IsNull(10) ? null : reader.GetString(10),
                Subject = reader.IsNull(11) ? null : reader.GetString(11),
                Changes = Deserialize(reader.GetString(12)),
                Source = reader.IsNull(13) ? null : reader.GetString(13),
                Level = ParseLevel(reader.GetString(14)),
                Text = reader.IsNull(15) ? null : reader.GetString(15),
                RaisedAt = StoreTime.Utc(reader.GetDateTime(16)),
                AckedAt = reader.IsNull(17) ? null : StoreTime.Utc(reader.GetDateTime(17)),
                AckNote = reader.IsNull(18) ? null : reader.GetString(18),
            });
        }

        return alerts;
    }
}
