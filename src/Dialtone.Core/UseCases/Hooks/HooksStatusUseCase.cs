using Dialtone.Core.Hooks;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>`dialtone hooks status`: where hooks live, which shims are installed, what they chain, which CLI they call.</summary>
public static class HooksStatusUseCase
{
    public static Reply Run(Workspace workspace)
    {
        var reply = new Reply();
        var installer = new HookInstaller(workspace.Repository);
        var reports = installer.Status();
        var where = HookReportText.Where(workspace.Repository, installer.HooksDirectory);
        reply.Add(Tag.Ticket, installer.HooksPathSetting is null
            ? $"Hooks directory: {where}."
            : $"Hooks directory: {where} (core.hooksPath = {installer.HooksPathSetting}).");
        HookReportText.Rows(reply, reports);
        var bin = installer.Bin;
        if (bin is null)
        {
            reply.Add(Tag.Warn, $"git config {HookInstaller.BinKey} is not set: the hooks use DIALTONE_BIN, then `dialtone` on PATH.");
        }
        else if (!File.Exists(bin))
        {
            reply.Add(Tag.Warn, $"git config {HookInstaller.BinKey} = {bin}, which does not exist: the hooks fall back to `dialtone` on PATH.");
        }
        else
        {
            reply.Add(Tag.Ticket, $"The hooks call {bin} (git config {HookInstaller.BinKey}).");
        }

        reply.Set("hooks", () => HookReportText.Json(installer, reports));
        if (reports.Any(r => r.State != HookState.Installed))
        {
            reply.Add(Tag.Action, $"{NextStep.Cli} hooks install");
        }

        return reply;
    }
}
