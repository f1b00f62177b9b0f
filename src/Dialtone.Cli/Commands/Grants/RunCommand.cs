using System.CommandLine;
using System.CommandLine.Parsing;
using Dialtone.Core;
using Dialtone.Core.Grants;
using Dialtone.Core.UseCases.Grants;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// `dialtone run -- &lt;cmd&gt; [args…]`: runs a command with the current ticket's live session grants,
/// its output masked and the command stopped at expiry. Like `ticket grant -- &lt;cmd&gt;`, stdout is
/// the command's and Dialtone's lines go to stderr; everything after `--` reaches the command verbatim.
/// </summary>
public static class RunCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var arguments = new Argument<string[]>("command")
        {
            Description = "After --: the command and its arguments (an argument list, no shell).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("run", "Run a command with the ticket session's live grants: output masked, stopped at expiry.") { arguments };
        command.SetAction(parsed =>
        {
            var context = new CommandContext(parsed, globals);
            var console = new GrantConsole(parsed.GetValue(globals.Json), context.MaskOutput);
            var doubleDash = parsed.Tokens.Any(t => t.Type == TokenType.DoubleDash);
            var outcome = GrantNotices.Collect(
                () => Handler.Execute(context, c => Run(c, console, c.Parsed.GetValue(arguments) ?? [], doubleDash)),
                out var notices);
            return console.Finish(outcome, "run", notices);
        });
        return command;
    }

    private static Core.Output.Reply Run(CommandContext context, GrantConsole console, string[] command, bool doubleDash)
    {
        if (command.Length == 0)
        {
            throw DialtoneError.Usage("Name the command to run after `--`.", $"{NextStep.Cli} run -- <command>");
        }

        if (!doubleDash)
        {
            throw DialtoneError.Usage(
                $"Put `--` before the command, so its options stay its own: `{ShellWords.Join(command)}`.",
                $"{NextStep.Cli} run -- {ShellWords.Join(command)}");
        }

        return RunUseCase.Run(context.Workspace, console, command, context.Directory);
    }
}
