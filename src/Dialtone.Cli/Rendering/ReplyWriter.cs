using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dialtone.Core;
using Dialtone.Core.Output;

namespace Dialtone.Cli.Rendering;

/// <summary>
/// Prints a Reply: tagged lines on stdout, or with --json one JSON document
/// {command, ok, exitCode, lines[{tag,text}], data}. Returns the exit code.
/// </summary>
public static class ReplyWriter
{
    public static int Write(Reply reply, bool json, string command)
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

        var stdout = Console.OpenStandardOutput();
        stdout.Write(Encoding.UTF8.GetBytes(output.ToString()));
        stdout.Flush();
        return reply.ExitCode;
    }
}
