using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Tickets;

/// <summary>The [SCHEMA] line: store location, schema version and what it holds.</summary>
public static class SchemaLine
{
    public static void Add(Reply reply, Workspace workspace, Store store)
    {
        var (open, done, subtasks) = store.Tickets.Counts();
        var location = Path.GetRelativePath(workspace.Repository.TopLevel, store.Paths.Database);
        reply.Add(Tag.Schema, $"Store schema v{store.SchemaVersion} at {location}: {open} open {Plural(open, "ticket")}, {done} done, {subtasks} {Plural(subtasks, "subtask")}.");
        reply.Set("store", () => new System.Text.Json.Nodes.JsonObject
        {
            ["path"] = store.Paths.Database,
            ["schemaVersion"] = store.SchemaVersion,
            ["openTickets"] = open,
            ["doneTickets"] = done,
            ["subtasks"] = subtasks,
        });
    }

    private static string Plural(long count, string word) => count == 1 ? word : word + "s";
}
