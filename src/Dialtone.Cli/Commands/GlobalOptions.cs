using System.CommandLine;

namespace Dialtone.Cli.Commands;

/// <summary>Options every command accepts anywhere on its command line: --json and -C.</summary>
public sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document on stdout instead of tagged lines.",
        Recursive = true,
    };

    public Option<string?> Directory { get; } = new("-C")
    {
        Description = "Run as if started in <path> (like git -C).",
        HelpName = "path",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Json);
        root.Options.Add(Directory);
    }
}
