using System.CommandLine;

namespace Dialtone.Cli.Commands.Alerts;

/// <summary>`dialtone docs diff &lt;path&gt;`: the watched design docs.</summary>
public static class DocsCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("docs", "Watched design docs: the full structural diff behind an alert.");
        command.Subcommands.Add(DocsDiffCommand.Build(globals));
        return command;
    }
}
