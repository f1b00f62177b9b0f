using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dialtone.Core;
using Dialtone.Core.Output;

namespace Dialtone.Cli.Rendering;

/// <summary>
/// Renders a Reply: tagged lines, or with --json one JSON document
/// {command, ok, exitCode, lines[{tag,text}], data}. Rendering builds the --json data, which runs
/// use-case code; callers go through <see cref="Commands.Handler"/> so a failure there keeps the contract.
/// </summary>
public static class ReplyWriter
{
    /// <param name="mask">Takes the secrets of live grants out of the answer (docs/grants.md).</param>
    public static int Write(Reply reply, bool json, string command, Func<string, string> mask)
    {
        Emit(mask(Render(reply, json, command)));
        return reply.ExitCode;
    }

    public static void Emit(string text)
    {
        var stdout = Console.OpenStandardOutput();
        stdout.Write(Encoding.UTF8.GetBytes(text));
        stdout.Flush();
    }

    /// <param name="notices">Lines about the ticket session that go before the reply's own (test runs with or without a granted variable).</param>
    public static string Render(Reply reply, bool json, string command, IReadOnlyList<(Tag Tag, string Text)>? notices = null)
    {
        var output = new StringBuilder();
        var all = (notices ?? []).Concat(reply.Lines).ToList();
        if (json)
        {
            var lines = new JsonArray();
            foreach (var (tag, text) in all)
            {
                lines.Add(new JsonObject { ["tag"] = TagText.JsonName(tag), ["text"] = text.TrimStart() });
            }

            var document = new JsonObject
            {
                ["command"] = command,
                ["ok"] = reply.ExitCode == ExitCodes.Ok,
                ["exitCode"] = reply.ExitCode,
                ["lines"] = lines,
                ["data"] = reply.BuildData(),
            };
            output.Append(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true })).Append('\n');
        }
        else
        {
            foreach (var (tag, text) in all)
            {
                if (tag != Tag.None)
                {
                    output.Append(TagText.Of(tag)).Append(' ');
                }

                output.Append(text).Append('\n');
            }
        }

        return output.ToString();
    }
}
