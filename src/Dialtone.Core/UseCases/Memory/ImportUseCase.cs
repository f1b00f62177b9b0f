using System.Text.Json.Nodes;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Memory;

/// <summary>
/// `ticket import &lt;ticket&gt;[/&lt;subtask&gt;]…`: copies archived subtasks (description, conditions,
/// test command) into the current ticket as todo. All or nothing: a name the ticket already has
/// refuses the whole import.
/// </summary>
public static class ImportUseCase
{
    public static Reply Run(Workspace workspace, string[] references)
    {
        var wanted = ImportSources.Parse(references);
        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        if (ticket.Status == TicketStatus.Done)
        {
            throw DialtoneError.Usage($"Ticket '{ticket.Name}' is done; import into an open ticket.", $"{NextStep.Cli} ticket start <next-ticket>");
        }

        var archive = store.Archive;
        var sources = ImportSources.Find(archive, wanted);
        ImportSources.RefuseDuplicates(ticket, sources);

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
}
