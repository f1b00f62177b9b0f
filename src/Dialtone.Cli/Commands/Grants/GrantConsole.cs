using System.Text.Json;
using System.Text.Json.Nodes;
using Dialtone.Core;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Grants;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// Where `ticket grant` and `dialtone run` speak. Their stdout is not their own — it carries the
/// command's output, or --print-export's lines — so their tagged lines go to stderr, each as it
/// happens (the header before the command starts, the expiry warning on a line of its own), and
/// --json writes the one document to stderr at the end. Every line passes through
/// <paramref name="mask"/>, which takes out the secrets of live grants.
/// </summary>
public sealed class GrantConsole(bool json, Func<string, string> mask) : IGrantConsole
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
    /// <param name="notices">What the ticket session did to the command, shown with the rest.</param>
    public int Finish(Reply outcome, string command, IReadOnlyList<(Tag Tag, string Text)> notices)
    {
        var answer = shown ?? outcome;
        var failure = ReferenceEquals(answer, outcome) ? null : outcome;
        var lines = answer.Lines.Take(printed).Concat(notices).Concat(answer.Lines.Skip(printed)).Concat(failure?.Lines ?? []).ToList();
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
        Stderr.WriteLine(mask(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
        return exitCode;
    }

    private void Print(IEnumerable<(Tag Tag, string Text)> lines)
    {
        foreach (var (tag, text) in lines)
        {
            Stderr.WriteLine(mask(tag == Tag.None ? text : $"{TagText.Of(tag)} {text}"));
        }
    }
}
