using System.Text.Json;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Grants;

/// <summary>
/// A mint or revoke command from the config: a string runs through `/bin/sh -c` (one argument, as
/// test commands do), an array runs as an argument list with no shell. Either runs from the
/// repository root; a program path with a slash is taken relative to it.
/// </summary>
public sealed class ToolCommand
{
    private ToolCommand(string? shell, IReadOnlyList<string>? arguments)
    {
        Shell = shell;
        Arguments = arguments;
    }

    /// <summary>The shell text, when the config gave a string.</summary>
    public string? Shell { get; }

    /// <summary>The argument list, when the config gave an array.</summary>
    public IReadOnlyList<string>? Arguments { get; }

    public static ToolCommand ForShell(string text) => new(text, null);

    public static ToolCommand ForArguments(IReadOnlyList<string> arguments) => new(null, arguments.ToArray());

    /// <summary>From a config value: a non-empty string or a non-empty array of strings; else a FormatException naming <paramref name="key"/>.</summary>
    public static ToolCommand FromJson(JsonElement value, string key)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                return ForShell(value.GetString()!);
            case JsonValueKind.Array when value.GetArrayLength() > 0 && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                var arguments = value.EnumerateArray().Select(e => e.GetString()!).ToArray();
                if (string.IsNullOrWhiteSpace(arguments[0]))
                {
                    break;
                }

                return ForArguments(arguments);
        }

        throw new FormatException($"'{key}' must be a command: a non-empty string (run by /bin/sh) or an array of strings (an argument list), not {value.GetRawText()}");
    }

    /// <summary>The same JSON shape as the config, for the store (a command is never a secret).</summary>
    public string ToJson() => Shell is not null ? JsonSerializer.Serialize(Shell) : JsonSerializer.Serialize(Arguments);

    public static ToolCommand? ParseStored(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement, "stored command");
    }

    /// <summary>For messages: the shell text, or the arguments joined with shell quoting.</summary>
    public string Display => Shell ?? ShellWords.Join(Arguments!);

    /// <summary>What runs the command in <paramref name="workTree"/>; output and input are the caller's choice.</summary>
    public ProcessSpec Spec(string workTree)
    {
        if (Shell is not null)
        {
            return ProcessSpec.Shell(Shell, workTree);
        }

        var program = Arguments![0];
        return new ProcessSpec
        {
            FileName = program.Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(program, workTree) : program,
            Arguments = Arguments.Skip(1).ToArray(),
            WorkingDirectory = workTree,
        };
    }
}
