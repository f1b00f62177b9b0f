using Dialtone.Core.Hooks;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// `dialtone hook &lt;name&gt; [args…]`: what the shims run on a ticket branch (and what other hook
/// managers can call). pre-commit is the commit gate; prepare-commit-msg adds the trailers the gate
/// handed over; post-checkout (branch switches) and post-merge check the watched design docs and
/// print their alerts (never failing the git operation); post-commit records a commit the gate did
/// not pass as evidence on the ticket; commit-msg has nothing to do yet. With DIALTONE=0 every hook
/// skips its checks, and on a ticket branch leaves evidence that it did.
/// </summary>
public static class HookUseCase
{
    public static Reply Run(string directory, string hook, IReadOnlyList<string> args, HookEnvironment environment)
    {
        if (!HookShim.IsKnown(hook))
        {
            throw DialtoneError.Usage($"Unknown hook '{Names.Printable(hook)}'. Dialtone handles {string.Join(", ", HookShim.Names)}.", $"{NextStep.Cli} hooks status");
        }

        if (environment.Disabled)
        {
            environment.Notice($"dialtone: DIALTONE=0, {hook} checks skipped.");
            SkippedHook.Record(directory, hook, environment);
            return new Reply();
        }

        return hook switch
        {
            "pre-commit" => PreCommitHook.Run(directory, environment),
            "prepare-commit-msg" => PrepareCommitMessageHook.Run(directory, args, environment),
            "post-commit" => PostCommitHook.Run(directory, environment),
            "post-checkout" or "post-merge" => HookAlerts.Run(directory, hook, [.. args], environment.Explain, environment.Notice),
            _ => NothingYet(hook, environment.Explain),
        };
    }

    private static Reply NothingYet(string hook, Action<string> explain)
    {
        explain($"nothing to check in {hook} yet");
        return new Reply();
    }
}
