using Dialtone.Core.Memory;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Memory;

/// <summary>
/// What `ticket import` copies: the archived subtasks its references name
/// (`&lt;ticket&gt;` for all of them, `&lt;ticket&gt;/&lt;subtask&gt;` for one), refused as a whole when
/// any name clashes with the ticket's own subtasks or with another import.
/// </summary>
public static class ImportSources
{
    /// <summary>The references as (ticket, subtask or null), checked before the store is opened.</summary>
    public static List<(string Ticket, string? Subtask)> Parse(IEnumerable<string> references) =>
        references.Select(Parse).Distinct().ToList();

    public static List<ArchivedSubtask> Find(ArchiveTable archive, List<(string Ticket, string? Subtask)> wanted)
    {
        var sources = new List<ArchivedSubtask>();
        foreach (var (from, only) in wanted)
        {
            var archived = archive.Subtasks(from);
            if (archived.Count == 0)
            {
                throw archive.Contains(from)
                    ? DialtoneError.Usage($"Archived ticket '{from}' has no subtasks to import.", $"{NextStep.Cli} ticket show {from}")
                    : DialtoneError.Usage($"There is no archived ticket '{from}'.", $"{NextStep.Cli} ticket search \"{from.Replace('-', ' ')}\"");
            }

            if (only is null)
            {
                sources.AddRange(archived);
                continue;
            }

            sources.Add(archived.Find(s => s.Name == only) ?? throw DialtoneError.Usage(
                $"Archived ticket '{from}' has no subtask '{only}' (it has: {string.Join(", ", archived.Select(s => s.Name))}).",
                $"{NextStep.Cli} ticket import {from}/{archived[0].Name}"));
        }

        return [.. sources.DistinctBy(s => (s.Ticket, s.Name))];
    }

    public static void RefuseDuplicates(Ticket ticket, List<ArchivedSubtask> sources)
    {
        var clashes = sources.Where(s => ticket.FindSubtask(s.Name) is not null)
            .Select(s => $"'{ticket.Name}' already has a subtask '{s.Name}' ({s.Ticket}/{s.Name})")
            .Concat(sources.GroupBy(s => s.Name).Where(g => g.Count() > 1)
                .Select(g => $"{string.Join(" and ", g.Select(s => $"{s.Ticket}/{s.Name}"))} have the same name"))
            .ToList();
        if (clashes.Count == 0)
        {
            return;
        }

        var rest = sources.Where(s => ticket.FindSubtask(s.Name) is null).DistinctBy(s => s.Name).Select(s => $"{s.Ticket}/{s.Name}").ToList();
        throw DialtoneError.Usage(
            $"Nothing imported: {string.Join("; ", clashes)}. A subtask name is unique within a ticket.",
            rest.Count > 0 && rest.Count < sources.Count ? $"{NextStep.Cli} ticket import {string.Join(' ', rest)}" : $"{NextStep.Cli} ticket subtask list");
    }

    private static (string Ticket, string? Subtask) Parse(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        var example = $"{NextStep.Cli} ticket import previous-stripe-plugin/verify-signature";
        return slash < 0
            ? (Names.Require(reference, "ticket", example), null)
            : (Names.Require(reference[..slash], "ticket", example), Names.Require(reference[(slash + 1)..], "subtask", example));
    }
}
