namespace Dialtone.Records;

/// <summary>
/// Checks a record against itself: its hash chains hold, and every field a gate or the archive reads
/// agrees with what the chain proves (a subtask is done only if signed; a passing validation passed
/// every result; the status `done` and the tip are what the done seal says). Used by the CLI when it
/// reads a record, by the build gate and by `dialtone verify`. It cannot stop someone who recomputes
/// every hash; re-running the tests (validate, verify in CI) does.
/// </summary>
public static class RecordVerifier
{
    /// <summary>Null when the record holds together; otherwise what is wrong, for a message.</summary>
    public static string? Verify(TicketRecord record)
    {
        if (record.Format < 1 || record.Format > TicketRecord.CurrentFormat)
        {
            return $"it has format {record.Format}; this Dialtone reads formats 1 to {TicketRecord.CurrentFormat}";
        }

        if (record.Status is not ("open" or "done"))
        {
            return $"its status is '{record.Status}', not open or done";
        }

        return Attestations(record) ?? Validation(record) ?? EvidenceChain(record) ?? Closing(record);
    }

    /// <summary>
    /// Whether the validation counts: it passed, and it re-ran exactly the record's subtasks. A
    /// validation made before a subtask was added (or forged with fewer results) does not.
    /// </summary>
    public static bool ValidationCovers(TicketRecord record) =>
        record.Validation is { Passed: true } v
        && v.Results.Count == record.Subtasks.Count
        && record.Subtasks.TrueForAll(s => v.Results.Exists(r => r.Subtask == s.Name && r.Passed && r.ExitCode == 0));

    /// <summary>The hash the next evidence entry links to.</summary>
    public static string EvidenceHead(TicketRecord record) => record.Evidence.Count == 0 ? ChainHash.Genesis : record.Evidence[^1].Hash;

    private static string? Attestations(TicketRecord record)
    {
        var subtasks = new HashSet<string>(record.Subtasks.Select(s => s.Name), StringComparer.Ordinal);
        var previous = ChainHash.Genesis;
        for (var i = 0; i < record.Attestations.Count; i++)
        {
            var a = record.Attestations[i];
            if (a.Seq != i + 1)
            {
                return $"attestation {i + 1} has sequence number {a.Seq}";
            }

            if (a.PrevHash != previous)
            {
                return $"attestation {a.Seq} does not link to the one before it";
            }

            if (ChainHash.Of(record.Ticket, a) != a.Hash)
            {
                return $"attestation {a.Seq} ('{a.Subtask}') does not match its hash";
            }

            if (!subtasks.Contains(a.Subtask))
            {
                return $"attestation {a.Seq} signs '{a.Subtask}', which is not a subtask of the ticket";
            }

            previous = a.Hash;
        }

        foreach (var subtask in record.Subtasks)
        {
            if (subtask.Status == "done" && !record.Attestations.Exists(a => a.Subtask == subtask.Name))
            {
                return $"subtask '{subtask.Name}' is marked done but was never signed";
            }
        }

        return null;
    }

    private static string? Validation(TicketRecord record)
    {
        if (record.Validation is not { } v)
        {
            return null;
        }

        if (v.PrevHash != ChainHash.Genesis && !record.Attestations.Exists(a => a.Hash == v.PrevHash))
        {
            return "the validation does not link to any attestation";
        }

        if (ChainHash.Of(record.Ticket, v) != v.Hash)
        {
            return "the validation does not match its hash";
        }

        if (v.Passed && v.Results.Exists(r => !r.Passed || r.ExitCode != 0))
        {
            return "the validation says it passed, but one of its results did not";
        }

        if (v.Results.Select(r => r.Subtask).Distinct(StringComparer.Ordinal).Count() != v.Results.Count)
        {
            return "the validation lists a subtask twice";
        }

        return null;
    }

    private static string? EvidenceChain(TicketRecord record)
    {
        var previous = ChainHash.Genesis;
        for (var i = 0; i < record.Evidence.Count; i++)
        {
            var e = record.Evidence[i];
            if (e.Seq != i + 1 || e.PrevHash != previous)
            {
                return $"evidence {i + 1} does not link to the one before it";
            }

            if (ChainHash.Of(record.Ticket, e) != e.Hash)
            {
                return $"evidence {e.Seq} ({e.Kind}) does not match its hash";
            }

            previous = e.Hash;
        }

        return null;
    }

    private static string? Closing(TicketRecord record)
    {
        if (record.Format < 2)
        {
            // Format 1 had no seal: `done` is believed only with the validation it required.
            return record.Status == "done" && !ValidationCovers(record)
                ? "it says done, but has no passing validation of every subtask"
                : null;
        }

        if (record.Done is not { } done)
        {
            return record.Status == "done" ? "it says done, but has no done seal"
                : record.Tip is not null ? "it has a tip, but the ticket was never closed with one"
                : null;
        }

        if (record.Status != "done")
        {
            return $"it has a done seal, but its status says '{record.Status}'";
        }

        if (ChainHash.Of(record.Ticket, done) != done.Hash)
        {
            return "the done seal does not match its hash";
        }

        if (record.Validation is null || done.PrevHash != record.Validation.Hash || !ValidationCovers(record))
        {
            return "the done seal does not rest on a passing validation of every subtask";
        }

        if (record.Tip != done.Tip)
        {
            return "its tip is not the one sealed when the ticket was closed";
        }

        return record.Evidence.Exists(e => e.Hash == done.EvidenceHead) || done.EvidenceHead == ChainHash.Genesis
            ? null
            : "the done seal names evidence the record no longer has";
    }
}
