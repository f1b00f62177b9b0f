namespace Dialtone.Core.Memory;

/// <summary>A subtask as it was when its ticket was archived: what `ticket import` copies.</summary>
public sealed record ArchivedSubtask(
    string Ticket,
    string Name,
    int Position,
    string Description,
    IReadOnlyList<string> Conditions,
    string? TestCommand,
    IReadOnlyList<string> Dependencies);
