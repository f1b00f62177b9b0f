namespace Dialtone.Core.Memory;

/// <summary>What the archive has to say about a query: similar tickets (best first), related subtasks, tips.</summary>
public sealed record Findings(IReadOnlyList<Candidate> Similar, IReadOnlyList<Candidate> Subtasks, IReadOnlyList<(string Ticket, string Tip)> Tips)
{
    public static Findings None { get; } = new([], [], []);

    public bool IsEmpty => Similar.Count == 0 && Subtasks.Count == 0;

    /// <summary>The exact command that copies the related subtasks into the current ticket.</summary>
    public string? ImportCommand => Subtasks.Count == 0
        ? null
        : $"{Workflow.NextStep.Cli} ticket import {string.Join(' ', Subtasks.Select(s => s.Reference))}";
}
