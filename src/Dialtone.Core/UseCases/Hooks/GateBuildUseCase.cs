using System.Text.Json.Nodes;
using Dialtone.Core.Gates;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;
using Dialtone.Records.Gate;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// `dialtone gate build [--ticket &lt;t&gt;]`: the build gate's verdict (the same evaluation the
/// MSBuild task runs), without building. Exit 0 pass, 1 when the build gate would fail.
/// </summary>
public static class GateBuildUseCase
{
    public static Reply Run(string directory, string? ticket)
    {
        var probe = RepositoryProbe.Find(directory)
            ?? throw DialtoneError.Environment($"'{directory}' is not inside a git work tree.", "git init");
        var verdict = GateEvaluator.Evaluate(probe, ticket, new GateGit(probe.TopLevel));
        var reply = new Reply();
        foreach (var diagnostic in verdict.Diagnostics)
        {
            reply.Add(diagnostic.AlwaysWarning ? Tag.Warn : Tag.Block, $"{diagnostic.Code}: {diagnostic.Message}");
        }

        if (verdict.Diagnostics.Count == 0)
        {
            reply.Add(Tag.Pass, verdict.Summary);
        }

        reply.Set("gate", () => new JsonObject
        {
            ["ticket"] = verdict.Ticket,
            ["passed"] = verdict.Diagnostics.All(d => d.AlwaysWarning),
            ["codes"] = new JsonArray([.. verdict.Diagnostics.Select(d => (JsonNode?)d.Code)]),
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
