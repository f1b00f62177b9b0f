using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>`dialtone hooks install [--bin &lt;path&gt;]`: the shims, chaining what was there, and the CLI they call back.</summary>
public static class HooksInstallUseCase
{
    /// <param name="bin">--bin as given; null to record the running dialtone (<paramref name="processPath"/>).</param>
    public static Reply Run(Workspace workspace, string? bin, string? processPath)
    {
        var reply = new Reply();
        HookSetup.Install(workspace, bin, processPath, reply);
        return reply;
    }
}
