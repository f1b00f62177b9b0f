using System.CommandLine;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;
using Dialtone.Core;
using Dialtone.Records.Gate;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>
/// `dialtone gate build [--ticket &lt;t&gt;]`: the build gate's verdict (the same evaluation the
/// MSBuild task runs), without building. Exit 0 pass, 1 when the build gate would fail.
/// </summary>
public static class GateBuildCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var ticket = new Option<string?>("--ticket") { Description = "The ticket to check (as DialtoneTicket; default: the branch's)." };
        var command = new Command("build", "Would the build gate pass here? Exit 0 pass, 1 fail.") { ticket };
        Handler.Set(command, globals, "gate build", context => Run(context.Directory, context.Value(ticket)));
        return command;
    }

    public static Reply Run(string directory, string? ticket)
    {
        var probe = RepositoryProbe.Find(directory)
            ?? throw DialtoneError.Environment($"'{directory}' is not inside a git work tree.", "git init");
        var verdict = GateEvaluator.Evaluate(probe, ticket, new Dialtone.Core.Gates.GateGit(probe.TopLevel));
        var reply = new Reply();
        foreach (var diagnostic in verdict.Diagnostics)
        {
            reply.Add(diagnostic.AlwaysWarning ? Tag.Warn : Tag.Block, $"{diagnostic.Code}: {diagnostic.Message}");
        }

        if (verdict.Diagnostics.Count == 0)
        {
            reply.Add(Tag.Pass, verdict.Summary);
        }

        reply.Set("gate", () => new System.Text.Json.Nodes.JsonObject
        {
            ["ticket"] = verdict.Ticket,
            ["passed"] = verdict.Diagnostics.All(d => d.AlwaysWarning),
            ["codes"] = new System.Text.Json.Nodes.JsonArray([.. verdict.Diagnostics.Select(d => (System.Text.Json.Nodes.JsonNode?)d.Code)]),
            ["summary"] = verdict.Summary,
        });
        var blocking = verdict.Diagnostics.FirstOrDefault(d => !d.AlwaysWarning);
        return blocking is null ? reply : reply.Fail(ExitCodes.Blocked, ActionFor(blocking.Code, verdict.Ticket));
    }

    private static string ActionFor(string code, string? ticket) => code switch
    {
        GateCodes.NotValidated => $"{NextStep.Cli} ticket validate",
        GateCodes.ValidatedElsewhere => $"{NextStep.Cli} ticket next",
        GateCodes.BrokenRecord => $"git checkout -- .dialtone/tickets/{ticket}.json",
        _ => $"{NextStep.Cli} ticket status",
    };
}
