using System.Text.Json.Nodes;
using Dialtone.Core.Hooks;
using Dialtone.Core.Output;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>Hook reports as detail rows and --json data, for install, uninstall, status and init.</summary>
public static class HookReportText
{
    public static void Rows(Reply reply, IReadOnlyList<HookReport> reports)
    {
        var width = HookShim.Names.Max(n => n.Length);
        foreach (var report in reports)
        {
            reply.Detail($"{report.Name.PadRight(width)}  {Describe(report)}");
        }
    }

    public static string Describe(HookReport report)
    {
        var state = report.Action switch
        {
            HookAction.Installed => "installed",
            HookAction.Updated => "updated to the current shim",
            HookAction.Unchanged => "already installed",
            HookAction.Removed => "removed",
            HookAction.Restored => "removed; the previous hook is back in place",
            HookAction.Conflict => $"left alone: a foreign hook and {Path.GetFileName(report.ChainedPath)} are both there",
            HookAction.NotInstalled => report.State == HookState.Foreign ? "not Dialtone's; left alone" : "was not installed",
            _ => report.State switch
            {
                HookState.Installed => "installed",
                HookState.Outdated => "installed, outdated (hooks install updates it)",
                HookState.Foreign => "not Dialtone's (hooks install chains it)",
                _ => "missing",
            },
        };
        var chained = report.Chained && report.State is HookState.Installed or HookState.Outdated
            ? $"; runs {Path.GetFileName(report.ChainedPath)} first"
            : "";
        return state + chained;
    }

    /// <summary>The hooks directory as the user knows it: relative to the work tree when inside it.</summary>
    public static string Where(GitRepository repository, string directory)
    {
        var relative = Path.GetRelativePath(repository.TopLevel, directory);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? directory : relative;
    }

    public static JsonObject Json(HookInstaller installer, IReadOnlyList<HookReport> reports)
    {
        var hooks = new JsonArray();
        foreach (var report in reports)
        {
            hooks.Add(new JsonObject
            {
                ["name"] = report.Name,
                ["path"] = report.Path,
                ["state"] = report.State.ToString().ToLowerInvariant(),
                ["chained"] = report.Chained,
                ["action"] = report.Action?.ToString().ToLowerInvariant(),
            });
        }

        return new JsonObject
        {
            ["directory"] = installer.HooksDirectory,
            ["hooksPath"] = installer.HooksPathSetting,
            ["bin"] = installer.Bin,
            ["hooks"] = hooks,
        };
    }
}
