using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dialtone.Core;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// Where `ticket grant` speaks. Its stdout is not its own — it carries the granted command's output,
/// or the export lines for eval — so its tagged lines go to stderr, each as it happens (the header
/// before the command starts, the expiry warning on a line of its own), and --json writes the one
/// document to stderr at the end.
/// </summary>
public sealed class GrantConsole(bool json)
{
    private readonly List<Reply> failures = [];
    private int printed;

    public Reply Reply { get; } = new();

    /// <summary>Shared with the granted command's stderr so lines never interleave mid-line.</summary>
    public LineSafeWriter Stderr { get; } = new(Console.OpenStandardError());

    public bool Json => json;

    public void Add(Tag tag, string text)
    {
        lock (Reply)
        {
            Reply.Add(tag, text);
        }

        Flush();
    }

    /// <summary>Prints what is new (text mode).</summary>
    public void Flush()
    {
        if (json)
        {
            return;
        }

        List<(Tag Tag, string Text)> fresh;
        lock (Reply)
        {
            fresh = Reply.Lines.Skip(printed).ToList();
            printed = Reply.Lines.Count;
        }

        foreach (var (tag, text) in fresh)
        {
            Stderr.WriteLine(tag == Tag.None ? text : $"{TagText.Of(tag)} {text}");
        }
    }

    /// <summary>Prints the end of the answer and returns the exit code. <paramref name="outcome"/> is the failure reply when the command body threw.</summary>
    public int Finish(Reply outcome, string command)
    {
        if (!ReferenceEquals(outcome, Reply))
        {
            foreach (var (tag, text) in outcome.Lines)
            {
                Add(tag, text);
            }

            Reply.ExitCode = outcome.ExitCode;
            failures.Add(outcome);
        }

        if (!json)
        {
            Flush();
            return Reply.ExitCode;
        }

        var lines = new JsonArray();
        foreach (var (tag, text) in Reply.Lines)
        {
            lines.Add(new JsonObject { ["tag"] = TagText.JsonName(tag), ["text"] = text.TrimStart() });
        }

        var data = Reply.BuildData();
        foreach (var failure in failures)
        {
            foreach (var (key, value) in failure.BuildData())
            {
                data[key] = value?.DeepClone();
            }
        }

        var document = new JsonObject
        {
            ["command"] = command,
            ["ok"] = Reply.ExitCode == ExitCodes.Ok,
            ["exitCode"] = Reply.ExitCode,
            ["lines"] = lines,
            ["data"] = data,
        };
        Stderr.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return Reply.ExitCode;
    }

    /// <summary>Export lines for eval go to stdout, which belongs to them alone.</summary>
    public static void WriteStdout(string text)
    {
        var stdout = Console.OpenStandardOutput();
        stdout.Write(Encoding.UTF8.GetBytes(text));
        stdout.Flush();
    }
}
