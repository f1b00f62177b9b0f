using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Storage;

/// <summary>The ticket log (notes, SIGN, FAIL, CHECK lines) and the working summaries.</summary>
public sealed class JournalTable(DuckDbConnection connection)
{
    public void Log(string ticket, string kind, string? subtask, string text, DateTimeOffset at) =>
        connection.Execute(
            "INSERT INTO log (ticket, logged_at, kind, subtask, text) VALUES ($1, $2, $3, $4, $5)",
            ticket, at.UtcDateTime, kind, subtask, text);

    public long LogCount(string ticket) =>
        connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM log WHERE ticket = $1", ticket);

    public void WriteSummary(string ticket, string text, DateTimeOffset at) =>
        connection.Execute("INSERT INTO summaries (ticket, written_at, text) VALUES ($1, $2, $3)", ticket, at.UtcDateTime, text);

    /// <summary>The latest summary and when it was written, or null.</summary>
    public (string Text, DateTimeOffset At)? LatestSummary(string ticket)
    {
        using var reader = connection.Query(
            "SELECT text, written_at FROM summaries WHERE ticket = $1 ORDER BY written_at DESC LIMIT 1", ticket);
        return reader.Read() ? (reader.GetString(0), StoreTime.Utc(reader.GetDateTime(1))) : null;
    }
}
