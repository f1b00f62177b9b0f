using System.CommandLine;
using Dialtone.Core;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;
using Dialtone.Git.Hooks;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>`dialtone hooks install [--bin &lt;path&gt;]`: the shims, chaining what was there, and the CLI they call back.</summary>
public static class HooksInstallCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var bin = BinOption();
        var command = new Command("install", "Install the hook shims (existing hooks are chained, never overwritten).") { bin };
        Handler.Set(command, globals, "hooks install", context => Run(context.Workspace, context.Value(bin)));
        return command;
    }

    public static Option<string?> BinOption() => new("--bin")
    {
        Description = "The dialtone the hooks run (default: the dialtone.sh or binary running now). Stored in git config dialtone.bin.",
        HelpName = "path",
    };

    public static Reply Run(Workspace workspace, string? bin)
    {
        var reply = new Reply();
        Install(workspace, bin, reply);
        return reply;
    }

    /// <summary>Installs and reports into <paramref name="reply"/> (init shares it).</summary>
    public static void Install(Workspace workspace, string? bin, Reply reply)
    {
        var chosen = bin is null ? CliLocation.Detect() : Path.GetFullPath(bin);
        if (bin is not null && !File.Exists(chosen))
        {
            throw DialtoneError.Usage($"--bin '{bin}' does not exist.", $"{NextStep.Cli} hooks install --bin /path/to/dialtone/dialtone.sh");
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
            reply.Fail(ExitCodes.Blocked, $"diff \"{first.Path}\" \"{first.ChainedPath}\"   (keep or merge them into one {first.Name}, remove the other, then {NextStep.Cli} hooks install)");
        }
    }
}
