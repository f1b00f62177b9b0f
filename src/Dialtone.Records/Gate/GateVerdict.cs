namespace Dialtone.Records.Gate;

/// <summary>What the gate found for one repository state; cached for the rest of the build.</summary>
public sealed record GateVerdict(string? Ticket, string? RecordFile, IReadOnlyList<GateDiagnostic> Diagnostics, string Summary)
{
    public static GateVerdict Nothing(string why) => new(null, null, [], why);
}
