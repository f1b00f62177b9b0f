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
    /// <remarks>Plain loops and one comparison: this runs in every `ticket start`, where each generic
    /// LINQ instantiation over a value type costs JIT time.</remarks>
    public static Findings Select(IReadOnlyList<Candidate> candidates, MemoryQuery query)
    {
        var similar = new List<Candidate>();
        var subtasks = new List<Candidate>();
        foreach (var c in candidates)
        {
            if (!c.IsTicket)
            {
                subtasks.Add(c);
            }
            else if (Enough(c, query, TicketCoverage))
            {
                similar.Add(c);
            }
        }

        similar.Sort(ByScore);
        if (similar.Count > MaxSimilar)
        {
            similar.RemoveRange(MaxSimilar, similar.Count - MaxSimilar);
        }

        var related = new List<Candidate>();
        foreach (var c in subtasks)
        {
            if ((Rank(similar, c.Ticket) < MaxSimilar && c.SharedTerms.Count > 0) || Enough(c, query, SubtaskCoverage))
            {
                related.Add(c);
            }
        }

        if (related.Count == 0 && similar.Count > 0)
        {
            related.AddRange(subtasks.FindAll(c => c.Ticket == similar[0].Ticket));
        }

        related.Sort((x, y) =>
        {
            var order = Rank(similar, x.Ticket).CompareTo(Rank(similar, y.Ticket));
            order = order != 0 ? order : y.Score.CompareTo(x.Score);
            order = order != 0 ? order : string.CompareOrdinal(x.Ticket, y.Ticket);
            return order != 0 ? order : x.Position.CompareTo(y.Position);
        });
        if (related.Count > MaxSubtasks)
        {
            related.RemoveRange(MaxSubtasks, related.Count - MaxSubtasks);
        }

        var tips = new List<(string Ticket, string Tip)>();
        foreach (var c in (List<Candidate>)[.. similar, .. related])
        {
            if (tips.Count < MaxTips && !string.IsNullOrWhiteSpace(c.Tip) && !tips.Exists(t => t.Ticket == c.Ticket))
            {
                tips.Add((c.Ticket, c.Tip));
            }
        }

        return new Findings(similar, related, tips);
    }

    /// <summary>The archived subtask most like the current one, when it is a close twin whose ticket left a tip.</summary>
    public static Candidate? TipTwin(IReadOnlyList<Candidate> candidates, MemoryQuery query)
    {
        Candidate? best = null;
        foreach (var c in candidates)
        {
            if (!c.IsTicket && !string.IsNullOrWhiteSpace(c.Tip) && Enough(c, query, TwinCoverage) && (best is null || ByScore(c, best) < 0))
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Best score first; equal scores by name, so the order never depends on the query plan.</summary>
    private static int ByScore(Candidate x, Candidate y)
    {
        var order = y.Score.CompareTo(x.Score);
        return order != 0 ? order : string.CompareOrdinal(x.Reference, y.Reference);
    }

    private static int Rank(List<Candidate> similar, string ticket)
    {
        var index = similar.FindIndex(c => c.Ticket == ticket);
        return index < 0 ? MaxSimilar : index;
    }
}
