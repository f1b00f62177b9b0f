using System.Text.Json.Nodes;
using Dialtone.Core.Tickets;

namespace Dialtone.Core.Output;

/// <summary>The --json shape of tickets and subtasks. Field names are an interface (docs/cli-json.md).</summary>
public static class TicketJson
{
    public static JsonObject Summary(Ticket ticket, int done, int total, bool current) => new()
    {
        ["name"] = ticket.Name,
        ["status"] = StatusText.Of(ticket.Status),
        ["branch"] = ticket.Branch,
        ["parent"] = ticket.Parent,
        ["subtasksDone"] = done,
        ["subtasksTotal"] = total,
        ["current"] = current,
        ["updatedAt"] = ticket.UpdatedAt,
    };

    public static JsonObject Full(Ticket ticket)
    {
        var current = ticket.CurrentSubtask();
        var subtasks = new JsonArray();
        foreach (var subtask in ticket.Subtasks)
        {
            subtasks.Add(Subtask(subtask, subtask == current));
        }

        return new JsonObject
        {
            ["name"] = ticket.Name,
            ["description"] = ticket.Description,
            ["status"] = StatusText.Of(ticket.Status),
            ["branch"] = ticket.Branch,
            ["base"] = new JsonObject { ["branch"] = ticket.BaseBranch, ["commit"] = ticket.BaseCommit },
            ["parent"] = ticket.Parent,
            ["revision"] = ticket.Revision,
            ["createdAt"] = ticket.CreatedAt,
            ["updatedAt"] = ticket.UpdatedAt,
            ["currentSubtask"] = current?.Name,
            ["subtasks"] = subtasks,
        };
    }

    public static JsonObject Subtask(Subtask subtask, bool current) => new()
    {
        ["name"] = subtask.Name,
        ["description"] = subtask.Description,
        ["conditions"] = Strings(subtask.Conditions),
        ["test"] = subtask.TestCommand,
        ["deps"] = Strings(subtask.Dependencies),
        ["status"] = StatusText.Of(subtask.Status),
        ["current"] = current,
        ["missing"] = Strings(subtask.MissingFields()),
    };

    private static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(value);
        }

        return array;
    }
}
