namespace Dialtone.Records;

/// <summary>
/// The committed, reviewable state of one ticket: `.dialtone/tickets/&lt;ticket&gt;.json`.
/// The format is documented in docs/ticket-record.md; field names are an interface.
/// Additive changes keep <see cref="CurrentFormat"/>; anything else bumps it. Format 2 seals the
/// ticket's closing (status, tip) and its evidence into the hash chain; format 1 records stay readable.
/// </summary>
public sealed class TicketRecord
{
    public const int CurrentFormat = 2;

    public int Format { get; set; } = CurrentFormat;

    public string Ticket { get; set; } = "";

    public long Revision { get; set; }

    public string Description { get; set; } = "";

    public string Branch { get; set; } = "";

    public RecordBase Base { get; set; } = new();

    public string? Parent { get; set; }

    public string Status { get; set; } = "open";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<RecordSubtask> Subtasks { get; set; } = [];

    public List<Attestation> Attestations { get; set; } = [];

    public Validation? Validation { get; set; }

    /// <summary>Things that happened outside the loop (a skipped gate, a relayed answer, …), hash-chained. Format 2.</summary>
    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>The sealed closing of a done ticket: without it (format 2) the ticket is not done. Format 2.</summary>
    public DoneSeal? Done { get; set; }

    /// <summary>The tip left at done; in format 2 it must equal <see cref="DoneSeal.Tip"/>.</summary>
    public string? Tip { get; set; }
}

public sealed class RecordBase
{
    public string? Branch { get; set; }

    public string? Commit { get; set; }
}

public sealed class RecordSubtask
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> Conditions { get; set; } = [];

    public string? Test { get; set; }

    public List<string> Deps { get; set; } = [];

    public string Status { get; set; } = "todo";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }
}
