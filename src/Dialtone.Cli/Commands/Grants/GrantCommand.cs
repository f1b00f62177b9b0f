using System.CommandLine;
using System.CommandLine.Parsing;
using Dialtone.Core;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Grants;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// `ticket grant --scope &lt;s&gt; --duration &lt;d&gt; [--shell …] [-- &lt;cmd&gt; …]`: a temporary credential.
/// With a command, it runs with the secret in its environment until it exits or the grant expires
/// (enforced); without one, export lines for eval (expiry advisory). Subcommands `list` and
/// `revoke`. Everything after `--` reaches the command verbatim.
/// </summary>
public static class GrantCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var scope = new Option<string?>("--scope") { Description = "The credential scope, as named under `grants` in .dialtone/config.json.", HelpName = "scope" };
        var duration = new Option<string?>("--duration") { Description = "How long the credential lives: 90s, 10m, 1h, 1h30m (at most the scope's maxDuration).", HelpName = "duration" };
        var shell = new Option<string?>("--shell") { Description = $"Without a command: the syntax of the export lines ({ShellExport.Names}; default from $SHELL).", HelpName = "shell" };
        var arguments = new Argument<string[]>("command")
        {
            Description = "After --: the command to run with the credential (an argument list, no shell).",
            Arity = ArgumentArity.ZeroOrMore,

            // Shown in the description instead: System.CommandLine would print it in the usage of `list` and `revoke` too.
            Hidden = true,
        };
        var command = new Command(
            "grant",
            "Grant a temporary credential to a command, or print export lines for eval; list and revoke grants.\n"
            + "  ticket grant --scope <scope> --duration <duration> -- <command> [args…]   runs it with the secret set, stopped at expiry\n"
            + "  eval \"$(ticket grant --scope <scope> --duration <duration> [--shell bash])\"  exports it into this shell (expiry advisory)")
        {
            scope, duration, shell, arguments,
        };
        command.Subcommands.Add(GrantListCommand.Build(globals));
        command.Subcommands.Add(GrantRevokeCommand.Build(globals));
        command.SetAction(parsed =>
        {
            var console = new GrantConsole(parsed.GetValue(globals.Json));
            var doubleDash = parsed.Tokens.Any(t => t.Type == TokenType.DoubleDash);
            var outcome = Handler.Execute(new CommandContext(parsed, globals), c => Run(
                c, console, c.Value(scope), c.Value(duration), c.Value(shell), c.Parsed.GetValue(arguments) ?? [], doubleDash));
            return console.Finish(outcome, "ticket grant");
        });
        return command;
    }

    private static Reply Run(CommandContext context, GrantConsole console, string? scope, string? duration, string? shell, string[] command, bool doubleDash)
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
            throw DialtoneError.Usage("Nothing follows `--`: name the command to run with the credential, or leave out `--` to print export lines for eval.", GrantTerms.Usage);
        }

        return command.Length > 0
            ? GrantRunUseCase.Run(context.Workspace, console, scope, duration, command, context.Directory)
            : GrantExportUseCase.Run(context.Workspace, console, scope, duration, shell);
    }
}
