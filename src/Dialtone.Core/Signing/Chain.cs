using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dialtone.Core.Tickets;

namespace Dialtone.Core.Signing;

/// <summary>
/// The hash chain over a ticket's attestations and its validation. It makes a hand edit of the
/// record visible (a changed field no longer matches its hash, a removed entry breaks the links);
/// it is not a signature against someone who recomputes every hash, which is why validation
/// re-runs the tests and the store keeps the runs.
/// </summary>
public static class Chain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HeadHash(Ticket ticket) => ticket.Attestations.Count == 0 ? Genesis : ticket.Attestations[^1].Hash;

    public static string HashOf(string ticket, Attestation a) => Sha256(
        "dialtone-attestation-v1", ticket, Int(a.Seq), a.Subtask, a.Command, Int(a.ExitCode), Long(a.DurationMs),
        a.Tree, a.OutputDigest, Time(a.SignedAt), a.Signer, a.PrevHash);

    public static string HashOf(string ticket, Validation v) => Sha256(
        "dialtone-validation-v1", ticket, v.Tree, Time(v.ValidatedAt), v.Passed ? "pass" : "fail",
        string.Join(';', v.Results.Select(r => $"{r.Subtask}={r.ExitCode}:{r.DurationMs}:{(r.Passed ? 1 : 0)}")), v.PrevHash);

    /// <summary>Appends a new attestation to the ticket's chain, filling seq, prev hash and hash.</summary>
    public static Attestation Append(Ticket ticket, Attestation attestation)
    {
        attestation.Seq = ticket.Attestations.Count + 1;
        attestation.PrevHash = HeadHash(ticket);
        attestation.Hash = HashOf(ticket.Name, attestation);
        ticket.Attestations.Add(attestation);
        return attestation;
    }

    public static Validation Seal(Ticket ticket, Validation validation)
    {
        validation.PrevHash = HeadHash(ticket);
        validation.Hash = HashOf(ticket.Name, validation);
        ticket.Validation = validation;
        return validation;
    }

    /// <summary>Null when the chain holds; otherwise what is wrong, for a message.</summary>
    public static string? Verify(Ticket ticket)
    {
        var previous = Genesis;
        for (var i = 0; i < ticket.Attestations.Count; i++)
        {
            var a = ticket.Attestations[i];
            if (a.Seq != i + 1)
            {
                return $"attestation {i + 1} has sequence number {a.Seq}";
            }

            if (a.PrevHash != previous)
            {
                return $"attestation {a.Seq} does not link to the one before it";
            }

            if (HashOf(ticket.Name, a) != a.Hash)
            {
                return $"attestation {a.Seq} ('{a.Subtask}') does not match its hash";
            }

            if (ticket.FindSubtask(a.Subtask) is null)
            {
                return $"attestation {a.Seq} signs '{a.Subtask}', which is not a subtask of the ticket";
            }

            previous = a.Hash;
        }

        foreach (var subtask in ticket.Subtasks)
        {
            if (subtask.Status == SubtaskStatus.Done && !ticket.Attestations.Exists(a => a.Subtask == subtask.Name))
            {
                return $"subtask '{subtask.Name}' is marked done but was never signed";
            }
        }

        if (ticket.Validation is { } v)
        {
            if (!ticket.Attestations.Exists(a => a.Hash == v.PrevHash) && v.PrevHash != Genesis)
            {
                return "the validation does not link to any attestation";
            }

            if (HashOf(ticket.Name, v) != v.Hash)
            {
                return "the validation does not match its hash";
            }
        }

        return null;
    }

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static string Sha256(params string[] fields)
    {
        // Length-prefixed fields: no value can run into the next and forge the same text.
        var builder = new StringBuilder();
        foreach (var field in fields)
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Sha256Hex(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
