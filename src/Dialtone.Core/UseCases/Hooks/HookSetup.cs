using Dialtone.Core.Grants;
using Dialtone.Core.Hooks;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>Installs the hook shims and reports into a reply; shared by `hooks install` and `init`.</summary>
public static class HookSetup
{
    /// <param name="bin">The dialtone the hooks should run, as the user gave it; null to use the running one.</param>
    /// <param name="processPath">The running executable (null when unknown).</param>
    public static void Install(Workspace workspace, string? bin, string? processPath, Reply reply)
    {
        var chosen = bin is null ? CliLocation.Detect(processPath) : Path.GetFullPath(bin);
        if (bin is not null && !File.Exists(chosen))
        {
            throw DialtoneError.Usage($"--bin '{bin}' does not exist.", $"{NextStep.Cli} hooks install --bin <path-to-dialtone.sh>");
        }

        var installer = new HookInstaller(workspace.Repository);
        var reports = installer.Install(chosen);
        var where = HookReportText.Where(workspace.Repository, installer.HooksDirectory);
        var conflicts = reports.Where(r => r.Action == HookAction.Conflict).ToList();
        reply.Add(Tag.Ticket, installer.HooksPathSetting is null
            ? $"Hooks installed in {where}."
            : $"Hooks installed in {where} (core.hooksPath).");
        HookReportText.Rows(reply, reports);
        if (chosen is not null)
        {
            reply.Add(Tag.Ticket, $"The hooks call {chosen} (git config {HookInstaller.BinKey}); DIALTONE_BIN overrides it.");
        }
        else
        {
            reply.Add(Tag.Warn, $"This dialtone runs through the dotnet host, so no path was recorded: the hooks use DIALTONE_BIN, then `dialtone` on PATH. Record one with --bin.");
        }

        reply.Set("hooks", () => HookReportText.Json(installer, reports));
        if (conflicts.Count > 0)
        {
            var first = conflicts[0];
            reply.Add(Tag.Block, $"{string.Join(", ", conflicts.Select(c => c.Name))}: a hook and {Path.GetFileName(first.ChainedPath)} are both there, so Dialtone cannot chain without overwriting one.");
            reply.Add(Tag.Ticket, $"Compare them, keep or merge them into one {first.Name}, remove the other, then run {NextStep.Cli} hooks install again.");
            reply.Fail(ExitCodes.Blocked, $"diff {ShellWords.Quote(first.Path)} {ShellWords.Quote(first.ChainedPath)}");
        }
    }
}
