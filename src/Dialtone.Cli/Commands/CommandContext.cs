using System.CommandLine;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands;

/// <summary>What a command body gets: its parsed values and, on first use, the workspace it works on.</summary>
public sealed class CommandContext(ParseResult parsed, GlobalOptions globals, string name = "dialtone")
{
    private Workspace? workspace;

    public ParseResult Parsed { get; } = parsed;

    public T? Value<T>(Option<T> option) => Parsed.GetValue(option);

    public T Value<T>(Argument<T> argument) => Parsed.GetValue(argument)!;

    /// <summary>The directory the command works in: -C, else the current directory.</summary>
    public string Directory => Parsed.GetValue(globals.Directory) is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Environment.CurrentDirectory;

    public Workspace Workspace => workspace ??= Discover();

    /// <summary>The workspace if the command used one (null for commands that never needed it).</summary>
    public Workspace? UsedWorkspace => workspace;

    private Workspace Discover()
    {
        var discovered = Workspace.Discover(Directory);
        discovered.Activity = $"dialtone {name}";
        return discovered;
    }
}
