using System.CommandLine;
using System.CommandLine.Parsing;
using Dialtone.Core;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Grants;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// `ticket grant --scope &lt;s&gt; --duration &lt;d&gt; [--print-export [--shell …]] [-- &lt;cmd&gt; …]`: a
/// temporary credential. With a command, it runs with the secret in its environment until it exits
/// or the grant expires (enforced); without one, the secret goes to the ticket's session (test runs
/// and `dialtone run` get it; nothing is printed); `--print-export` also prints export lines for a
/// person's own terminal. Subcommands `list` and `revoke`. Everything after `--` reaches the command verbatim.
/// </summary>
public static class GrantCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var scope = new Option<string?>("--scope") { Description = "The credential scope, as named under `grants` in .dialtone/config.json.", HelpName = "scope" };
        var duration = new Option<string?>("--duration") { Description = "How long the credential lives: 90s, 10m, 1h, 1h30m (at most the scope's maxDuration).", HelpName = "duration" };
        var printExport = new Option<bool>("--print-export") { Description = "Also print export lines for your own shell (only to a terminal; recorded on the ticket)." };
        var shell = new Option<string?>("--shell") { Description = $"With --print-export: the syntax of the export lines ({ShellExport.Names}; default from $SHELL).", HelpName = "shell" };
        var arguments = new Argument<string[]>("command")
        {
            Description = "After --: the command to run with the credential (an argument list, no shell).",
            Arity = ArgumentArity.ZeroOrMore,

            // Shown in the description instead: System.CommandLine would print it in the usage of `list` and `revoke` too.
            Hidden = true,
        };
        var command = new Command(
            "grant",
            "Grant a temporary credential to the ticket's session or to one command; list and revoke grants.\n"
            + "  ticket grant --scope <scope> --duration <duration>                          the ticket session: next, test, validate and `dialtone run` get it\n"
            + "  ticket grant --scope <scope> --duration <duration> -- <command> [args…]   runs one command with it, stopped at expiry\n"
            + "  ticket grant --scope <scope> --duration <duration> --print-export          also prints export lines for your own terminal (recorded)")
        {
            scope, duration, printExport, shell, arguments,
        };
        command.Subcommands.Add(GrantListCommand.Build(globals));
        command.Subcommands.Add(GrantRevokeCommand.Build(globals));
        command.SetAction(parsed =>
        {
            var context = new CommandContext(parsed, globals);
            var console = new GrantConsole(parsed.GetValue(globals.Json), context.MaskOutput);
            var doubleDash = parsed.Tokens.Any(t => t.Type == TokenType.DoubleDash);
            var outcome = GrantNotices.Collect(
                () => Handler.Execute(context, c => Run(
                    c, console, c.Value(scope), c.Value(duration), c.Value(printExport), c.Value(shell), c.Parsed.GetValue(arguments) ?? [], doubleDash)),
                out var notices);
            return console.Finish(outcome, "ticket grant", notices);
        });
        return command;
    }

    private static Reply Run(CommandContext context, GrantConsole console, string? scope, string? duration, bool printExport, string? shell, string[] command, bool doubleDash)
    {
        // Where the command line puts `--` is the parser's business: the use cases get the command itself.
        if (command.Length > 0 && !doubleDash)
        {
            throw DialtoneError.Usage(
                $"Put `--` before the command, so its options stay its own: `{ShellWords.Join(command)}`.",
                $"{NextStep.Cli} ticket grant --scope {scope ?? "<scope>"} --duration {duration ?? "10m"} -- {ShellWords.Join(command)}");
        }

        if (doubleDash && command.Length == 0)
        {
            throw DialtoneError.Usage("Nothing follows `--`: name the command to run with the credential, or leave out `--` to export it to the ticket session.", GrantTerms.Usage);
        }

        if (command.Length > 0 && (printExport || shell is not null))
        {
            throw DialtoneError.Usage(
                "--print-export and --shell are for the session form; a command given after `--` gets the variable in its environment.",
                $"{NextStep.Cli} ticket grant --scope {scope ?? "<scope>"} --duration {duration ?? "10m"} -- {ShellWords.Join(command)}");
        }

        if (command.Length > 0)
        {
            return GrantRunUseCase.Run(context.Workspace, console, scope, duration, command, context.Directory);
        }

        return printExport
            ? GrantExportUseCase.Run(context.Workspace, console, scope, duration, shell)
            : GrantSessionUseCase.Run(context.Workspace, scope, duration, shell);
    }
}
