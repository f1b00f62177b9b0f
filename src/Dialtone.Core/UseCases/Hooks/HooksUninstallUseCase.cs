using Dialtone.Core.Gates;
using Dialtone.Core.Hooks;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>`dialtone hooks uninstall`: removes the shims and puts back the hooks they chained.</summary>
public static class HooksUninstallUseCase
{
    public static Reply Run(Workspace workspace)
    {
        var reply = new Reply();
        var installer = new HookInstaller(workspace.Repository);
        var reports = installer.Uninstall();
        TrailerHandoff.Clear(workspace.Repository.GitDir);
        reply.Add(Tag.Ticket, $"Hooks removed from {HookReportText.Where(workspace.Repository, installer.HooksDirectory)}; commits are no longer gated here.");
        HookReportText.Rows(reply, reports);
        reply.Set("hooks", () => HookReportText.Json(installer, reports));
        var conflicts = reports.Where(r => r.Action == HookAction.Conflict).ToList();
        if (conflicts.Count > 0)
        {
            reply.Add(Tag.Warn, $"{string.Join(", ", conflicts.Select(c => c.Name))}: replaced by another tool since install; its {HookInstaller.ChainedSuffix} file was left in place.");
        }

        return reply;
    }
}
