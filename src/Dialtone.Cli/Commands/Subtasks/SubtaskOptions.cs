using System.CommandLine;

namespace Dialtone.Cli.Commands.Subtasks;

/// <summary>The field options shared by `subtask add` and `subtask edit`.</summary>
public sealed class SubtaskOptions
{
    public Option<string?> Description { get; } = new("--desc") { Description = "What the subtask achieves." };

    public Option<string[]> Conditions { get; } = new("--condition")
    {
        Description = "An objective test condition (repeat for several).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Test { get; } = new("--test") { Description = "The idempotent test command, run from the repository root." };

    public Option<string?> Dependencies { get; } = new("--deps") { Description = "Subtasks that must be done first, comma-separated.", HelpName = "a,b" };

    public void AddTo(Command command)
    {
        command.Options.Add(Description);
        command.Options.Add(Conditions);
        command.Options.Add(Test);
        command.Options.Add(Dependencies);
    }
}
