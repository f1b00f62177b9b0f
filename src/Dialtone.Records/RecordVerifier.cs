namespace Dialtone.Records;

/// <summary>
/// Verifies a record's signature chain on the record itself: used when a record is read by the
/// CLI and, compiled from this same file, by the build gate.
/// </summary>
public static class RecordVerifier
{
    /// <summary>Null when the chain holds; otherwise what is wrong, for a message.</summary>
    public static string? Verify(TicketRecord record)
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

        if (record.Validation is { } v)
        {
            if (v.PrevHash != ChainHash.Genesis && !record.Attestations.Exists(a => a.Hash == v.PrevHash))
            {
                return "the validation does not link to any attestation";
            }

            if (ChainHash.Of(record.Ticket, v) != v.Hash)
            {
                return "the validation does not match its hash";
            }
        }

        return null;
    }
}
