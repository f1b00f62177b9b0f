using System.CommandLine;
using System.Text.Json.Nodes;
using Dialtone.Cli.Commands.Tickets;
using Dialtone.Core.Memory;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Core;

namespace Dialtone.Cli.Commands.Memory;

/// <summary>
/// `ticket import &lt;ticket&gt;[/&lt;subtask&gt;]…`: copies archived subtasks (description, conditions,
/// test command) into the current ticket as todo. All or nothing: a name the ticket already has
/// refuses the whole import.
/// </summary>
public static class ImportCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var references = new Argument<string[]>("reference")
        {
            Description = "An archived ticket (all its subtasks) or ticket/subtask; several allowed.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Copy archived subtasks into the current ticket.") { references };
        Handler.Set(command, globals, "ticket import", context => Run(context.Workspace, context.Value(references)));
        return command;
    }

    public static Reply Run(Workspace workspace, string[] references)
    {
        var wanted = references.Select(Parse).Distinct().ToList();
        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        if (ticket.Status == TicketStatus.Done)
        {
            throw DialtoneError.Usage($"Ticket '{ticket.Name}' is done; import into an open ticket.", $"{NextStep.Cli} ticket start <next-ticket>");
        }

        var archive = store.Archive;
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

        sources = [.. sources.DistinctBy(s => (s.Ticket, s.Name))];
        RefuseDuplicates(ticket, sources);

        var now = workspace.Now();
        var imported = new List<Subtask>();
        var dropped = new List<string>();
        foreach (var source in sources)
        {
            // A dependency survives only when what it names came along in this import, earlier.
            var deps = source.Dependencies.Where(d => imported.Exists(s => s.Name == d)).ToList();
            dropped.AddRange(source.Dependencies.Except(deps).Select(d => $"{source.Name} → {d}"));
            var subtask = new Subtask
            {
                Name = source.Name,
                Description = source.Description,
                Conditions = [.. source.Conditions],
                TestCommand = source.TestCommand,
                Dependencies = deps,
                CreatedAt = now,
                UpdatedAt = now,
            };
            ticket.Subtasks.Add(subtask);
            imported.Add(subtask);
        }

        workspace.Save(store, ticket);
        store.InTransaction(() =>
        {
            foreach (var source in sources)
            {
                archive.RecordImport(ticket.Name, source.Name, source.Ticket, source.Name, now);
            }
        });

        var reply = new Reply();
        reply.Add(Tag.Ticket, $"Imported {imported.Count} {(imported.Count == 1 ? "subtask" : "subtasks")} into '{ticket.Name}' as todo ({ticket.Subtasks.Count} in all):");
        for (var i = 0; i < imported.Count; i++)
        {
            reply.Detail($"{imported[i].Name}  (from {sources[i].Ticket}/{sources[i].Name})");
        }

        if (dropped.Count > 0)
        {
            reply.Add(Tag.Warn, $"Dependencies on subtasks that were not imported were dropped: {string.Join(", ", dropped)}.");
        }

        foreach (var missing in imported.Where(s => s.MissingFields().Count > 0))
        {
            reply.Add(Tag.Warn, $"Subtask '{missing.Name}' is missing {string.Join(", ", missing.MissingFields())}; ticket next blocks on it until they are set.");
        }

        reply.Set("ticket", () => TicketJson.Full(ticket));
        reply.Set("imported", () => new JsonArray([.. sources.Select(s => (JsonNode?)new JsonObject
        {
            ["subtask"] = s.Name,
            ["from"] = $"{s.Ticket}/{s.Name}",
        })]));
        reply.Add(Tag.Action, NextStep.For(ticket));
        return reply;
    }

    private static (string Ticket, string? Subtask) Parse(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        var example = $"{NextStep.Cli} ticket import previous-stripe-plugin/verify-signature";
        return slash < 0
            ? (Names.Require(reference, "ticket", example), null)
            : (Names.Require(reference[..slash], "ticket", example), Names.Require(reference[(slash + 1)..], "subtask", example));
    }

    private static void RefuseDuplicates(Ticket ticket, List<ArchivedSubtask> sources)
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
}
