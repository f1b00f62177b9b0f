using Dialtone.Records;
using Dialtone.Records.Gate;
using Microsoft.Build.Framework;

namespace Dialtone.MSBuild;

/// <summary>
/// The MSBuild face of the build gate. Thin: finds the repository by reading files, asks the
/// build-wide cache, evaluates once on a miss, and logs. Never throws: a failure of the gate itself
/// is a warning, and the result is !Log.HasLoggedErrors.
/// </summary>
public sealed class DialtoneGateTask : Microsoft.Build.Utilities.Task
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>off | warn | error.</summary>
    public string Mode { get; set; } = "warn";

    /// <summary>The ticket to check when the branch does not say (detached HEAD in CI).</summary>
    public string? Ticket { get; set; }

    public override bool Execute()
    {
        try
        {
            var mode = (Mode ?? "warn").Trim().ToLowerInvariant();
            if (mode == "off")
            {
                return true;
            }

            var probe = RepositoryProbe.Find(ProjectDirectory);
            if (probe is null)
            {
                Log.LogMessage(MessageImportance.Low, "Dialtone gate: not in a git work tree; nothing to check.");
                return true;
            }

            var verdict = Cached(probe);
            foreach (var diagnostic in verdict.Diagnostics)
            {
                var message = $"{diagnostic.Message} {diagnostic.Help} (see {GateCodes.HelpAnchor(diagnostic.Code)})";
                if (mode == "error" && !diagnostic.AlwaysWarning)
                {
                    Log.LogError("Dialtone", diagnostic.Code, null, verdict.RecordFile, 0, 0, 0, 0, message);
                }
                else
                {
                    Log.LogWarning("Dialtone", diagnostic.Code, null, verdict.RecordFile, 0, 0, 0, 0, message);
                }
            }

            if (verdict.Diagnostics.Count == 0)
            {
                Log.LogMessage(MessageImportance.Normal, "Dialtone gate: " + verdict.Summary);
            }
        }
        // A build gate that crashes a build for its own bugs would be worse than none.
        catch (Exception ex)
        {
            Log.LogWarning("Dialtone", GateCodes.GitUnavailable, null, null, 0, 0, 0, 0, $"The Dialtone gate could not run: {ex.Message}");
        }

        return !Log.HasLoggedErrors;
    }

    private GateVerdict Cached(RepositoryProbe probe)
    {
        // Keyed on what decides the verdict and can be read without starting git: the repository,
        // HEAD, the ticket named, and the bytes of its record. One evaluation per build.
        var recordHash = RecordHash(probe);
        var key = $"Dialtone.Gate|{probe.TopLevel}|{probe.Head}|{Ticket}|{Environment.GetEnvironmentVariable("DIALTONE_TICKET")}|{recordHash}";
        if (BuildEngine4.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is GateVerdict cached)
        {
            Log.LogMessage(MessageImportance.Low, "Dialtone gate: verdict reused for this build.");
            return cached;
        }

        var verdict = GateEvaluator.Evaluate(probe, Ticket, new GitFacts(probe.TopLevel));
        Log.LogMessage(MessageImportance.High, $"Dialtone gate evaluated: {verdict.Summary}");
        BuildEngine4.RegisterTaskObject(key, verdict, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return verdict;
    }

    private string RecordHash(RepositoryProbe probe)
    {
        var (ticket, _) = TicketResolver.Resolve(Ticket, probe);
        if (ticket is null || !TicketResolver.IsTicketName(ticket))
        {
            return "-";
        }

        var path = Path.Combine(probe.TopLevel, ".dialtone", "tickets", ticket + ".json");
        return File.Exists(path) ? ChainHash.Sha256Hex(File.ReadAllBytes(path)) : "absent";
    }
}
