using System.Text.Json;
using System.Text.Json.Nodes;
using Dialtone.Core;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Grants;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// Where `ticket grant` speaks. Its stdout is not its own — it carries the granted command's output,
/// or the export lines for eval — so its tagged lines go to stderr, each as it happens (the header
/// before the command starts, the expiry warning on a line of its own), and --json writes the one
/// document to stderr at the end.
/// </summary>
public sealed class GrantConsole(bool json) : IGrantConsole
{
    private Reply? shown;
    private int printed;

    public Stream Stdout { get; } = Console.OpenStandardOutput();

    public LineSafeWriter Stderr { get; } = new(Console.OpenStandardError());

    public bool StdoutIsTerminal => !json && !Console.IsOutputRedirected;

    public void Show(Reply reply)
    {
        List<(Tag Tag, string Text)> fresh;
        lock (reply)
        {
            shown = reply;
            if (json)
            {
                return;
            }

            fresh = reply.Lines.Skip(printed).ToList();
            printed = reply.Lines.Count;
        }

        Print(fresh);
    }

    /// <summary>
    /// Prints the rest of the answer and returns the exit code. <paramref name="outcome"/> is the use
    /// case's reply, or the failure reply when it threw: that one follows what was already shown.
    /// </summary>
    public int Finish(Reply outcome, string command)
    {
        var answer = shown ?? outcome;
        var failure = ReferenceEquals(answer, outcome) ? null : outcome;
        var lines = answer.Lines.Concat(failure?.Lines ?? []).ToList();
        var exitCode = (failure ?? answer).ExitCode;
        if (!json)
        {
            Print(lines.Skip(printed));
            return exitCode;
        }

        var data = answer.BuildData();
        foreach (var (key, value) in failure?.BuildData() ?? [])
        {
            data[key] = value?.DeepClone();
        }

        var document = new JsonObject
        {
            ["command"] = command,
            ["ok"] = exitCode == ExitCodes.Ok,
            ["exitCode"] = exitCode,
            ["lines"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["tag"] = TagText.JsonName(l.Tag), ["text"] = l.Text.TrimStart() })]),
            ["data"] = data,
        };
        Stderr.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return exitCode;
    }

    private void Print(IEnumerable<(Tag Tag, string Text)> lines)
    {
        foreach (var (tag, text) in lines)
        {
            Stderr.WriteLine(tag == Tag.None ? text : $"{TagText.Of(tag)} {text}");
        }
    }
}
