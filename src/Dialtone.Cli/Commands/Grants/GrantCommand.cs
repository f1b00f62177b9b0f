using System.CommandLine;
using System.CommandLine.Parsing;
using Dialtone.Core;
using Dialtone.Core.Config;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Grants;

/// <summary>
/// `ticket grant --scope &lt;s&gt; --duration &lt;d&gt; [--shell …] [-- &lt;cmd&gt; …]`: a temporary credential
/// (DESIGN §6). With a command, it runs with the secret in its environment until it exits or the
/// grant expires (enforced); without one, export lines for eval (expiry advisory). Subcommands
/// `list` and `revoke`. Everything after `--` reaches the command verbatim.
/// </summary>
public static class GrantCommand
{
    public const string Usage = $"{NextStep.Cli} ticket grant --scope <scope> --duration 10m -- <command> [args…]";

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
            var context = new CommandContext(parsed, globals);
            var doubleDash = parsed.Tokens.Any(t => t.Type == TokenType.DoubleDash);
            var outcome = Handler.Execute(context, c => Run(
                c, console, c.Value(scope), c.Value(duration), c.Value(shell), c.Parsed.GetValue(arguments) ?? [], doubleDash));
            return console.Finish(outcome, "ticket grant");
        });
        return command;
    }

    public static Reply Run(CommandContext context, GrantConsole console, string? scopeName, string? durationText, string? shellName, string[] command, bool doubleDash)
    {
        if (command.Length > 0 && !doubleDash)
        {
            throw DialtoneError.Usage(
                $"Put `--` before the command, so its options stay its own: `{ShellWords.Join(command)}`.",
                $"{NextStep.Cli} ticket grant --scope {scopeName ?? "<scope>"} --duration {durationText ?? "10m"} -- {ShellWords.Join(command)}");
        }

        if (doubleDash && command.Length == 0)
        {
            throw DialtoneError.Usage("Nothing follows `--`: name the command to run with the credential, or leave out `--` to print export lines for eval.", Usage);
        }

        var workspace = context.Workspace;
        var config = DialtoneConfig.Load(workspace.Repository.TopLevel);
        var scope = ResolveScope(config, scopeName, durationText);
        var duration = ResolveDuration(scope, durationText, command);
        if (command.Length > 0)
        {
            var program = CommandLocator.Find(command[0], context.Directory, Environment.GetEnvironmentVariable("PATH"), out var problem)
                ?? throw DialtoneError.Usage($"Cannot run the command: {problem}. Nothing was minted.", Usage);
            return GrantRunMode.Run(workspace, console, scope, duration, [program, .. command.Skip(1)], command, context.Directory);
        }

        var shell = shellName is null
            ? ShellExport.FromEnvironment(Environment.GetEnvironmentVariable("SHELL"))
            : ShellExport.Parse(shellName) ?? throw DialtoneError.Usage(
                $"Unknown shell '{Core.Tickets.Names.Printable(shellName)}': use one of {ShellExport.Names}.",
                $"eval \"$({NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(duration)} --shell bash)\"");
        if (!console.Json && !Console.IsOutputRedirected)
        {
            // Printed to a terminal, the secret would sit in its scrollback with nothing to use it.
            throw DialtoneError.Usage(
                "Without `-- <command>`, ticket grant prints the secret as export lines for eval, and stdout is a terminal. Nothing was minted.",
                $"eval \"$({NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(duration)})\"   (or: {NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(duration)} -- <command>)");
        }

        return GrantEvalMode.Run(workspace, console, scope, duration, shell);
    }

    private static GrantScope ResolveScope(DialtoneConfig config, string? name, string? duration)
    {
        var known = config.Grants.Keys.Order(StringComparer.Ordinal).ToList();
        var example = known.Count > 0 ? known[0] : "<scope>";
        if (string.IsNullOrWhiteSpace(name))
        {
            throw DialtoneError.Usage(
                known.Count == 0 ? "--scope is required, and .dialtone/config.json defines no grant scopes." : $"--scope is required: one of {string.Join(", ", known)}.",
                known.Count == 0 ? NoScopesAction : $"{NextStep.Cli} ticket grant --scope {example} --duration {duration ?? "10m"} -- <command>");
        }

        if (config.Grants.TryGetValue(name, out var scope))
        {
            return scope;
        }

        throw DialtoneError.Usage(
            known.Count == 0
                ? $"Unknown grant scope '{Core.Tickets.Names.Printable(name)}': .dialtone/config.json defines no grant scopes."
                : $"Unknown grant scope '{Core.Tickets.Names.Printable(name)}': configured scopes are {string.Join(", ", known)}.",
            known.Count == 0 ? NoScopesAction : $"{NextStep.Cli} ticket grant --scope {example} --duration {duration ?? "10m"} -- <command>");
    }

    private const string NoScopesAction = "Add a scope under \"grants\" in .dialtone/config.json: {\"grants\": {\"<scope>\": {\"env\": \"<VAR>\", \"mint\": \"<command>\", \"revoke\": \"<command>\", \"maxDuration\": \"1h\"}}} (docs/grants.md)";

    private static TimeSpan ResolveDuration(GrantScope scope, string? text, string[] command)
    {
        var tail = command.Length > 0 ? $" -- {ShellWords.Join(command)}" : "";
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DialtoneError.Usage(
                $"--duration is required (at most {GrantDuration.Compact(scope.MaxDuration)} for scope '{scope.Name}'): grants are as short as the work.",
                $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(Min(TimeSpan.FromMinutes(10), scope.MaxDuration))}{tail}");
        }

        var duration = GrantDuration.Parse(text, "--duration", $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration 10m{tail}");
        if (duration > scope.MaxDuration)
        {
            throw DialtoneError.Usage(
                $"--duration {text.Trim()} is longer than scope '{scope.Name}' allows (maxDuration {GrantDuration.Compact(scope.MaxDuration)}).",
                $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(scope.MaxDuration)}{tail}");
        }

        return duration;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
