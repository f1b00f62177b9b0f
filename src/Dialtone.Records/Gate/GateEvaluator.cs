using System.Text.Json;

namespace Dialtone.Records.Gate;

/// <summary>
/// The build gate's decision, from the committed ticket record and git alone: the
/// record must verify, carry a passing validation, and that validation must be bound to the
/// snapshot tree of the work tree being built.
/// </summary>
public static class GateEvaluator
{
    private const int MaxListedPaths = 10;

    public static GateVerdict Evaluate(RepositoryProbe probe, string? ticketProperty, IGateGit git)
    {
        var (ticket, explicitTicket) = TicketResolver.Resolve(ticketProperty, probe);
        if (ticket is null)
        {
            return GateVerdict.Nothing("HEAD is detached and no ticket is named (DialtoneTicket); nothing to check.");
        }

        if (!TicketResolver.IsTicketName(ticket))
        {
            return explicitTicket
                ? new GateVerdict(ticket, null, [new(GateCodes.MissingRecord, $"'{ticket}' is not a valid ticket name.", "Set DialtoneTicket to the ticket's name (lowercase letters, digits and dashes).")], "invalid ticket name")
                : GateVerdict.Nothing($"Branch '{ticket}' is not a ticket branch.");
        }

        var relative = $".dialtone/tickets/{ticket}.json";
        var recordFile = Path.Combine(probe.TopLevel, ".dialtone", "tickets", ticket + ".json");
        try
        {
            if (!File.Exists(recordFile))
            {
                // The record moved aside does not switch the gate off: the branch is still known as a
                // ticket branch by the marker Dialtone keeps beside its store, or by its own trailers.
                if (explicitTicket || probe.HasBranchMarker(ticket) || git.RecentTicketTrailers().Contains(ticket))
                {
                    return new GateVerdict(ticket, recordFile, [new(GateCodes.MissingRecord,
                        $"Ticket '{ticket}' has no record at {relative}.",
                        "Commit the ticket record with the work (./dialtone.sh ticket status rewrites it from the store).")], "record missing");
                }

                return GateVerdict.Nothing($"Branch '{ticket}' has no ticket record; nothing to check.");
            }

            TicketRecord record;
            try
            {
                record = RecordCodec.Parse(File.ReadAllBytes(recordFile));
            }
            catch (Exception ex) when (ex is JsonException or FormatException)
            {
                return Broken(ticket, recordFile, relative, $"it cannot be read ({ex.Message})");
            }

            if (record.Ticket != ticket)
            {
                return Broken(ticket, recordFile, relative, $"it describes ticket '{record.Ticket}'");
            }

            if (RecordVerifier.Verify(record) is { } broken)
            {
                return Broken(ticket, recordFile, relative, $"its signature chain is broken ({broken})");
            }

            if (record.Validation is not { Passed: true } validation)
            {
                return new GateVerdict(ticket, recordFile, [new(GateCodes.NotValidated,
                    record.Validation is null ? $"Ticket '{ticket}' is not validated." : $"Ticket '{ticket}' failed its last validation.",
                    "Run ./dialtone.sh ticket validate, then commit the record.")], "not validated");
            }

            // A validation that did not re-run every subtask (made before one was added, or forged short) validates nothing.
            if (!RecordVerifier.ValidationCovers(record))
            {
                var covered = record.Subtasks.Count(s => validation.Results.Exists(r => r.Subtask == s.Name && r.Passed && r.ExitCode == 0));
                return new GateVerdict(ticket, recordFile, [new(GateCodes.NotValidated,
                    $"Ticket '{ticket}' is not validated: its last validation covers {covered} of {record.Subtasks.Count} subtasks.",
                    "Run ./dialtone.sh ticket validate, then commit the record.")], "not validated");
            }

            var tree = git.SnapshotTree();
            if (tree != validation.Tree)
            {
                var changed = git.ChangedPaths(validation.Tree, tree);
                var listed = string.Join(", ", changed.Take(MaxListedPaths)) + (changed.Count > MaxListedPaths ? $" and {changed.Count - MaxListedPaths} more" : "");
                return new GateVerdict(ticket, recordFile, [new(GateCodes.ValidatedElsewhere,
                    $"Ticket '{ticket}' was validated at tree {Short(validation.Tree)}, but the work tree is at {Short(tree)}; changed: {listed}.",
                    "Sign and validate the changed work (./dialtone.sh ticket next, SIGN, ticket validate), then commit the record.")], "validated at another tree");
            }

            return new GateVerdict(ticket, recordFile, [], $"Ticket '{ticket}' is validated at tree {Short(tree)}.");
        }
        catch (GateGitException ex)
        {
            return new GateVerdict(ticket, recordFile, [new(GateCodes.GitUnavailable,
                $"The Dialtone gate could not ask git about ticket '{ticket}': {ex.Message}", "Install git and put it on PATH for the build.", AlwaysWarning: true)], "git unavailable");
        }
        catch (IOException ex)
        {
            return Broken(ticket, recordFile, relative, $"it cannot be read ({ex.Message})");
        }
    }

    private static GateVerdict Broken(string ticket, string recordFile, string relative, string why) =>
        new(ticket, recordFile, [new(GateCodes.BrokenRecord, $"The record {relative} of ticket '{ticket}' is not trusted: {why}.", "Restore it with git checkout -- " + relative + ", or rewrite it from the store with ./dialtone.sh ticket status.")], "record not trusted");

    private static string Short(string hash) => hash[..Math.Min(7, hash.Length)];
}
