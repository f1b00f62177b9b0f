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

    /// <summary>Structured data for --json (stable field names, camelCase).</summary>
    public JsonObject Data { get; } = [];

    public Reply Add(Tag tag, string text)
    {
        lines.Add((tag, text));
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
