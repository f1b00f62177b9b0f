using Dialtone.Core.Tickets;

namespace Dialtone.Core.Memory;

/// <summary>
/// The searchable text of one done ticket, as weighted term frequencies: one document for the
/// ticket as a whole and one per subtask. A word in the ticket's name counts more than one in a
/// test condition (BM25F-style field weights), so "what the ticket was about" dominates. Pure.
/// </summary>
public sealed class ArchiveDocument
{
    public const double NameWeight = 3;
    public const double DescriptionWeight = 2;
    public const double SubtaskNameWeight = 1.5;
    public const double BodyWeight = 1;

    private ArchiveDocument(Dictionary<string, double> ticketTerms, Dictionary<string, Dictionary<string, double>> subtaskTerms)
    {
        TicketTerms = ticketTerms;
        SubtaskTerms = subtaskTerms;
    }

    /// <summary>term → weighted frequency over the name, description, subtasks, summary and tip.</summary>
    public Dictionary<string, double> TicketTerms { get; }

    /// <summary>subtask name → (term → weighted frequency over its name, description and conditions).</summary>
    public Dictionary<string, Dictionary<string, double>> SubtaskTerms { get; }

    /// <summary>The BM25 document length: the sum of the weighted frequencies.</summary>
    public static double Length(Dictionary<string, double> terms) => terms.Values.Sum();

    public static ArchiveDocument Of(Ticket ticket, string? summary, string? tip)
    {
        var whole = new Dictionary<string, double>(StringComparer.Ordinal);
        Tokenizer.Count(ticket.Name, NameWeight, whole);
        Tokenizer.Count(ticket.Description, DescriptionWeight, whole);
        Tokenizer.Count(summary, BodyWeight, whole);
        Tokenizer.Count(tip, BodyWeight, whole);

        var subtasks = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var subtask in ticket.Subtasks)
        {
            var own = OfSubtask(subtask.Name, subtask.Description, subtask.Conditions);
            subtasks[subtask.Name] = own;
            foreach (var (term, tf) in own)
            {
                whole[term] = whole.GetValueOrDefault(term) + tf;
            }
        }

        return new ArchiveDocument(whole, subtasks);
    }

    /// <summary>The terms of one subtask; also the query `ticket next` uses to find its archived twin.</summary>
    public static Dictionary<string, double> OfSubtask(string name, string description, IEnumerable<string> conditions)
    {
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        Tokenizer.Count(name, SubtaskNameWeight, terms);
        Tokenizer.Count(description, BodyWeight, terms);
        foreach (var condition in conditions)
        {
            Tokenizer.Count(condition, BodyWeight, terms);
        }

        return terms;
    }
}
