namespace Dialtone.Core.Memory;

/// <summary>
/// Which scored candidates are worth an agent's attention. The query ranks; these rules decide,
/// so that an unrelated start prints nothing. Pure.
/// </summary>
public static class RelevanceRules
{
    /// <summary>A similar ticket matches at least this share of the query's idf-weighted terms and files.</summary>
    public const double TicketCoverage = 0.35;

    /// <summary>A subtask that is related on its own (not through its ticket) matches at least this share.</summary>
    public const double SubtaskCoverage = 0.4;

    /// <summary>`ticket next` shows a tip only for a close twin of the current subtask.</summary>
    public const double TwinCoverage = 0.5;

    public const int MaxSimilar = 3;
    public const int MaxSubtasks = 5;
    public const int MaxTips = 3;

    /// <summary>
    /// Two shared terms make a match (one, when the query has only one); a shared file is evidence
    /// on its own. One common word in common is a coincidence, not a pattern.
    /// </summary>
    public static bool Enough(Candidate candidate, MemoryQuery query, double coverage) =>
        candidate.Coverage >= coverage
        && (candidate.SharedTerms.Count >= Math.Min(2, query.Terms.Count) && candidate.SharedTerms.Count > 0 || candidate.SharedFiles.Count > 0);

    /// <summary>
    /// Similar tickets: enough coverage, best score first. Related subtasks: those of a similar
    /// ticket that share a term with the query, and any subtask that matches well on its own; when
    /// none share a term, the best similar ticket's subtasks (it is related as a whole). Tips: from
    /// the similar tickets and the tickets of the related subtasks.
    /// </summary>
    public static Findings Select(IReadOnlyList<Candidate> candidates, MemoryQuery query)
    {
        var similar = candidates
            .Where(c => c.IsTicket && Enough(c, query, TicketCoverage))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Ticket, StringComparer.Ordinal)
            .Take(MaxSimilar)
            .ToList();
        var rank = similar.Select((c, i) => (c.Ticket, i)).ToDictionary(p => p.Ticket, p => p.i, StringComparer.Ordinal);

        var subtasks = candidates.Where(c => !c.IsTicket).ToList();
        var related = subtasks
            .Where(c => (rank.ContainsKey(c.Ticket) && c.SharedTerms.Count > 0) || Enough(c, query, SubtaskCoverage))
            .ToList();
        if (related.Count == 0 && similar.Count > 0)
        {
            related = [.. subtasks.Where(c => c.Ticket == similar[0].Ticket)];
        }

        related = [.. related
            .OrderBy(c => rank.GetValueOrDefault(c.Ticket, MaxSimilar))
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.Ticket, StringComparer.Ordinal)
            .ThenBy(c => c.Position)
            .Take(MaxSubtasks)];

        var tips = similar.Concat(related)
            .Where(c => !string.IsNullOrWhiteSpace(c.Tip))
            .Select(c => (c.Ticket, Tip: c.Tip!))
            .DistinctBy(t => t.Ticket, StringComparer.Ordinal)
            .Take(MaxTips)
            .ToList();
        return new Findings(similar, related, tips);
    }

    /// <summary>The archived subtask most like the current one, when it is a close twin whose ticket left a tip.</summary>
    public static Candidate? TipTwin(IReadOnlyList<Candidate> candidates, MemoryQuery query) =>
        candidates
            .Where(c => !c.IsTicket && !string.IsNullOrWhiteSpace(c.Tip) && Enough(c, query, TwinCoverage))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Reference, StringComparer.Ordinal)
            .FirstOrDefault();
}
