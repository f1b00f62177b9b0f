namespace Dialtone.Core.Memory;

/// <summary>
/// One scored archive entry from the relevance query: a ticket, or a subtask (then
/// <see cref="Subtask"/> is set). <see cref="Coverage"/> is the share of the query's weight
/// (idf-weighted terms, and files) this entry matched, 0..1; <see cref="Score"/> ranks (BM25 plus
/// file overlap).
/// </summary>
public sealed record Candidate
{
    public required string Ticket { get; init; }

    public string? Subtask { get; init; }

    public double Score { get; init; }

    public double Coverage { get; init; }

    /// <summary>Query terms it shares, most distinctive first.</summary>
    public IReadOnlyList<string> SharedTerms { get; init; } = [];

    /// <summary>Its archived paths that matched query files, most distinctive first (tickets only).</summary>
    public IReadOnlyList<string> SharedFiles { get; init; } = [];

    public string Description { get; init; } = "";

    /// <summary>The tip its ticket left at `ticket done`, if any.</summary>
    public string? Tip { get; init; }

    /// <summary>Subtasks only: conditions and test command, for the card and for import.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    public string? TestCommand { get; init; }

    public int Position { get; init; }

    public bool IsTicket => Subtask is null;

    /// <summary>"ticket/subtask" or "ticket": what `ticket import` takes.</summary>
    public string Reference => Subtask is null ? Ticket : $"{Ticket}/{Subtask}";
}
