using System.CommandLine;
using System.Globalization;
using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>
/// `dialtone init`: sets a repository up once — .dialtone/config.json with the defaults written out
/// and commented (when missing), the .gitignore entries Dialtone needs, and the hooks. Safe to rerun:
/// nothing that exists is overwritten.
/// </summary>
public static class InitCommand
{
    /// <summary>Temp files of atomic record writes (.&lt;ticket&gt;.json.&lt;pid&gt;.tmp): never to be committed.</summary>
    public const string IgnoreEntry = ".dialtone/tickets/.*.tmp";

    public static Command Build(GlobalOptions globals)
    {
        var bin = HooksInstallCommand.BinOption();
        var buildGate = new Option<bool>("--build-gate") { Description = $"Also add the {BuildGateSetup.PackageId} package reference to {BuildGateSetup.FileName}." };
        var command = new Command("init", "Set up this repository: config, .gitignore entries and git hooks.") { bin, buildGate };
        Handler.Set(command, globals, "init", context => Run(context.Workspace, context.Value(bin), context.Value(buildGate)));
        return command;
    }

    public static Reply Run(Workspace workspace, string? bin, bool buildGate = false)
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
            File.WriteAllText(config, DefaultConfig());
            reply.Add(Tag.Ticket, $"Created {DialtoneConfig.RelativePath} (the defaults, commented).");
            changed.Add(DialtoneConfig.RelativePath);
        }

        if (EnsureIgnored(Path.Combine(top, ".gitignore")))
        {
            reply.Add(Tag.Ticket, $".gitignore: added {IgnoreEntry}.");
            changed.Add(".gitignore");
        }
        else
        {
            reply.Add(Tag.Ticket, $".gitignore already ignores {IgnoreEntry}.");
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

        HooksInstallCommand.Install(workspace, bin, reply);
        reply.Set("created", () => new System.Text.Json.Nodes.JsonArray([.. changed.Select(c => (System.Text.Json.Nodes.JsonNode?)c)]));
        if (reply.ExitCode == 0)
        {
            reply.Add(Tag.Action, changed.Count > 0
                ? $"git add {string.Join(' ', changed)} && git commit -m \"Set up Dialtone\""
                : $"{NextStep.Cli} ticket start <ticket-name>");
        }

        return reply;
    }

    /// <summary>Appends the entry unless a line already says it; true when the file changed.</summary>
    public static bool EnsureIgnored(string path)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        if (existing.Split('\n').Any(line => line.Trim() == IgnoreEntry))
        {
            return false;
        }

        var separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        File.AppendAllText(path, $"{separator}# Dialtone: temp files of atomic ticket-record writes\n{IgnoreEntry}\n");
        return true;
    }

    /// <summary>Every setting with its default, so the file documents itself; comments are allowed in it.</summary>
    public static string DefaultConfig()
    {
        var d = new DialtoneConfig();
        string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        return $$"""
            // Dialtone configuration. Committed with the repository; comments and trailing commas are allowed.
            // Every key is optional: the values below are the defaults.
            {
              "summary": {
                // A working summary older than this blocks `ticket next`; 0 turns the check off.
                "maxAgeMinutes": {{N(d.SummaryMaxAgeMinutes)}}
              },
              "test": {
                // A subtask's test command is stopped after this many seconds.
                "timeoutSeconds": {{N(d.TestTimeoutSeconds)}},
                // Output lines shown after a run (the whole output is kept in the store).
                "tailLines": {{d.TestTailLines}}
              },
              "subtask": {
                // A subtask in progress for longer than this earns a [WARN] suggesting a split.
                "maxMinutes": {{N(d.SubtaskMaxMinutes)}}
              }
            }

            """;
    }
}
