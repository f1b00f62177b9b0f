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
    public static int Write(Reply reply, bool json, string command)
    {
        Emit(Render(reply, json, command));
        return reply.ExitCode;
    }

    public static void Emit(string text)
    {
        var stdout = Console.OpenStandardOutput();
        stdout.Write(Encoding.UTF8.GetBytes(text));
        stdout.Flush();
    }

    public static string Render(Reply reply, bool json, string command)
    {
        var output = new StringBuilder();
        if (json)
        {
            var lines = new JsonArray();
            foreach (var (tag, text) in reply.Lines)
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
            foreach (var (tag, text) in reply.Lines)
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
