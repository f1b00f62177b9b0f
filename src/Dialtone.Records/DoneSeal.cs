namespace Dialtone.Records;

/// <summary>
/// The closing of a ticket, sealed into the chain after a validation that passed and covered every
/// subtask: the status `done` and the tip are what this seal says, never what a field says.
/// </summary>
public sealed class DoneSeal
{
    public DateTimeOffset At { get; set; }

    public required string Tip { get; set; }

    /// <summary>The working summary at done (archived with the ticket), or null.</summary>
    public string? Summary { get; set; }

    /// <summary>Hash of the last evidence entry when the ticket was closed (the genesis hash if none).</summary>
    public required string EvidenceHead { get; set; }

    /// <summary>Hash of the validation this closing rests on.</summary>
    public required string PrevHash { get; set; }

    public string Hash { get; set; } = "";
}
