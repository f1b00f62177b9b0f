using System.CommandLine;
using Dialtone.Core.Hooks;
using Dialtone.Core.UseCases.Hooks;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone hook &lt;name&gt; [args…]`: what the installed shims (and other hook managers) run on a ticket branch.</summary>
public static class HookCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "The git hook: " + string.Join(", ", HookShim.Names) };
        var args = new Argument<string[]>("args") { Description = "The arguments git passed to the hook.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("hook", "Run a git hook's Dialtone part (called by the installed shims).") { name, args };
        Handler.Set(command, globals, "hook", context =>
        {
            var hook = context.Value(name);
            return HookUseCase.Run(context.Directory, hook, context.Value(args) ?? [], HookInput.Read(hook));
        });
        return command;
    }
}
