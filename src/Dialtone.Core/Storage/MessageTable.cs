using Dialtone.Core.Messages;
using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Storage;

/// <summary>Questions, answers and acknowledgements. Each message is acknowledged on its own.</summary>
public sealed class MessageTable(DuckDbConnection connection)
{
    private const string Columns = "id, ticket, question, blocking, asked_at, asked_by, answer, answered_at, answered_by, acked_at, ack_note, answered_via";

    public long Ask(string ticket, string question, bool blocking, string askedBy, DateTimeOffset at) =>
        connection.Scalar<long>(
            "INSERT INTO messages (ticket, question, blocking, asked_at, asked_by) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            ticket, question, blocking, at.UtcDateTime, askedBy);

    public Message? Find(long id) => Load("WHERE id = $1", id).FirstOrDefault();

    public List<Message> ForTicket(string ticket) => Load("WHERE ticket = $1 ORDER BY id", ticket);

    /// <summary>Unanswered questions across all tickets: the human's inbox.</summary>
    public List<Message> Unanswered() => Load("WHERE answer IS NULL AND acked_at IS NULL ORDER BY id");

    /// <param name="via">How the answer arrived: <see cref="Message.ViaAnswer"/> or <see cref="Message.ViaRelayed"/>.</param>
    public void Answer(long id, string answer, string by, DateTimeOffset at, string via) =>
        connection.Execute(
            "UPDATE messages SET answer = $2, answered_by = $3, answered_at = $4, answered_via = $5 WHERE id = $1",
            id, answer, by, at.UtcDateTime, via);

    public void Acknowledge(long id, string? note, DateTimeOffset at) =>
        connection.Execute("UPDATE messages SET acked_at = $2, ack_note = $3 WHERE id = $1", id, at.UtcDateTime, note);

    private List<Message> Load(string where, params object?[] args)
    {
        using var reader = connection.Query($"SELECT {Columns} FROM messages {where}", args);
        var messages = new List<Message>();
        while (reader.Read())
        {
            messages.Add(new Message
            {
                Id = reader.GetInt64(0),
                Ticket = reader.GetString(1),
                Question = reader.GetString(2),
                Blocking = reader.GetBoolean(3),
                AskedAt = StoreTime.Utc(reader.GetDateTime(4)),
                AskedBy = reader.GetString(5),
                Answer = reader.IsNull(6) ? null : reader.GetString(6),
                AnsweredAt = reader.IsNull(7) ? null : StoreTime.Utc(reader.GetDateTime(7)),
                AnsweredBy = reader.IsNull(8) ? null : reader.GetString(8),
                AckedAt = reader.IsNull(9) ? null : StoreTime.Utc(reader.GetDateTime(9)),
                AckNote = reader.IsNull(10) ? null : reader.GetString(10),
                AnsweredVia = reader.IsNull(11) ? null : reader.GetString(11),
            });
        }

        return messages;
    }
}
