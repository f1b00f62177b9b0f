namespace Dialtone.Core.Messages;

/// <summary>A question from the agent to the human, its answer, and the agent's acknowledgement.</summary>
public sealed class Message
{
    /// <summary>Answered with `ticket answer` (by whoever ran it).</summary>
    public const string ViaAnswer = "answer";

    /// <summary>Relayed by the agent with `ticket ack "&lt;text&gt;"`: the human answered in its chat.</summary>
    public const string ViaRelayed = "relayed";

    public long Id { get; set; }

    public required string Ticket { get; set; }

    public required string Question { get; set; }

    /// <summary>Blocking questions stop `ticket next` until answered and acknowledged; --fyi ones never do.</summary>
    public bool Blocking { get; set; }

    public DateTimeOffset AskedAt { get; set; }

    public required string AskedBy { get; set; }

    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    /// <summary>How the answer arrived (<see cref="ViaAnswer"/>, <see cref="ViaRelayed"/>); null for answers recorded before this was kept.</summary>
    public string? AnsweredVia { get; set; }

    public DateTimeOffset? AckedAt { get; set; }

    public string? AckNote { get; set; }

    public bool IsAnswered => Answer is not null;

    public bool IsAcknowledged => AckedAt is not null;

    /// <summary>Holds up `next`, `validate` and `done`: an answer not yet acknowledged, or a blocking question not yet answered.</summary>
    public bool Blocks => IsAnswered ? !IsAcknowledged : Blocking && !IsAcknowledged;
}
