using System.Text.Json.Nodes;
using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// `dialtone init`: sets a repository up once — .dialtone/config.json with the defaults written out
/// and commented (when missing), the .gitignore entries Dialtone needs, and the hooks. Safe to rerun:
/// nothing that exists is overwritten.
/// </summary>
public static class InitUseCase
{
    /// <param name="bin">--bin as given; null to record the running dialtone (<paramref name="processPath"/>).</param>
    /// <param name="buildGate">--build-gate: also add the build gate's package reference.</param>
    public static Reply Run(Workspace workspace, string? bin, bool buildGate, string? processPath)
    {
        var reply = new Reply();
        var top = workspace.Repository.TopLevel;
        var changed = new List<string>();

        var config = Path.Combine(top, ".dialtone", "config.json");
        if (File.Exists(config))
        {
            reply.Add(Tag.Ticket, $"{DialtoneConfig.RelativePath} exists; left as it is.");
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(config)!);
            File.WriteAllText(config, InitFiles.DefaultConfig());
            reply.Add(Tag.Ticket, $"Created {DialtoneConfig.RelativePath} (the defaults, commented).");
            changed.Add(DialtoneConfig.RelativePath);
        }

        if (InitFiles.EnsureIgnored(Path.Combine(top, ".gitignore")))
        {
            reply.Add(Tag.Ticket, $".gitignore: added {InitFiles.IgnoreEntry}.");
            changed.Add(".gitignore");
        }
        else
        {
            reply.Add(Tag.Ticket, $".gitignore already ignores {InitFiles.IgnoreEntry}.");
        }

        if (buildGate)
        {
            if (BuildGateSetup.Ensure(top))
            {
                reply.Add(Tag.Ticket, $"{BuildGateSetup.FileName}: added the {BuildGateSetup.PackageId} {BuildGateSetup.PackageVersion} package reference (the build gate). Its package source must be configured (nuget.config).");
                changed.Add(BuildGateSetup.FileName);
            }
            else
            {
                reply.Add(Tag.Ticket, $"{BuildGateSetup.FileName} already references {BuildGateSetup.PackageId}.");
            }
        }

        HookSetup.Install(workspace, bin, processPath, reply);
        reply.Set("created", () => new JsonArray([.. changed.Select(c => (JsonNode?)c)]));
        if (reply.ExitCode == 0)
        {
            reply.Add(Tag.Action, changed.Count > 0
                ? $"git add {string.Join(' ', changed)} && git commit -m \"Set up Dialtone\""
                : $"{NextStep.Cli} ticket start <ticket-name>");
        }

        return reply;
    }
}
