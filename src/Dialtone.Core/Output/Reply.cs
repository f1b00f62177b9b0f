using System.Text.Json.Nodes;

namespace Dialtone.Core.Output;

/// <summary>
/// What a command answers: tagged lines for people and agents, a JSON payload for --json, and the
/// exit code. Commands build a Reply; the CLI renders it one way or the other, never both.
/// </summary>
public sealed class Reply
{
    private readonly List<(Tag Tag, string Text)> lines = [];

    public IReadOnlyList<(Tag Tag, string Text)> Lines => lines;

    public int ExitCode { get; set; } = ExitCodes.Ok;

    private readonly List<(string Key, Func<JsonNode?> Build)> data = [];

    /// <summary>
    /// Adds a field of the --json data. Built only when --json asked for it: creating JSON nodes
    /// costs ~13 ms of start-up, which text output should not pay.
    /// </summary>
    public Reply Set(string key, Func<JsonNode?> build)
    {
        data.Add((key, build));
        return this;
    }

    /// <summary>The --json data object (stable field names, camelCase).</summary>
    public JsonObject BuildData()
    {
        var result = new JsonObject();
        foreach (var (key, build) in data)
        {
            result[key] = build();
        }

        return result;
    }

    public Reply Add(Tag tag, string text)
    {
        lines.Add((tag, text));
        return this;
    }

    /// <summary>A line before everything else (something that happened before the command's own work).</summary>
    public Reply AddFirst(Tag tag, string text)
    {
        lines.Insert(0, (tag, text));
        return this;
    }

    /// <summary>An indented, untagged detail line (list rows, multi-line text).</summary>
    public Reply Detail(string text) => Add(Tag.None, "  " + text);

    /// <summary>Ends a blocked or failed answer: the contract says such an answer ends with [ACTION].</summary>
    public Reply Fail(int exitCode, string? action)
    {
        ExitCode = exitCode;
        if (action is not null)
        {
            Add(Tag.Action, action);
        }

        return this;
    }

    public bool HasTag(Tag tag) => lines.Exists(l => l.Tag == tag);
}
