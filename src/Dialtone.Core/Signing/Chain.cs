using Dialtone.Core.Records;
using Dialtone.Core.Tickets;
using Dialtone.Records;

namespace Dialtone.Core.Signing;

/// <summary>
/// The hash chain over a ticket's attestations and its validation. It makes a hand edit of the
/// record visible (a changed field no longer matches its hash, a removed entry breaks the links);
/// it is not a signature against someone who recomputes every hash, which is why validation
/// re-runs the tests and the store keeps the runs.
/// </summary>
public static class Chain
{
    public const string Genesis = ChainHash.Genesis;

    public static string HeadHash(Ticket ticket) => ticket.Attestations.Count == 0 ? Genesis : ticket.Attestations[^1].Hash;

    public static string HashOf(string ticket, Attestation a) => ChainHash.Of(ticket, a);

    public static string HashOf(string ticket, Validation v) => ChainHash.Of(ticket, v);

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

    /// <summary>Appends evidence of something that happened outside the loop.</summary>
    public static Evidence AddEvidence(Ticket ticket, string kind, string detail, DateTimeOffset at)
    {
        var evidence = new Evidence
        {
            Seq = ticket.Evidence.Count + 1,
            Kind = kind,
            At = at,
            Detail = detail,
            PrevHash = ticket.Evidence.Count == 0 ? Genesis : ticket.Evidence[^1].Hash,
        };
        evidence.Hash = ChainHash.Of(ticket.Name, evidence);
        ticket.Evidence.Add(evidence);
        return evidence;
    }

    /// <summary>
    /// Closes the ticket: seals the tip and summary onto its validation, which must have passed and
    /// covered every subtask. Status and tip are what this seal says from now on.
    /// </summary>
    public static DoneSeal Close(Ticket ticket, string tip, string? summary, DateTimeOffset at)
    {
        if (ticket.Validation is not { } validation || !RecordVerifier.ValidationCovers(RecordMapper.ToRecord(ticket)))
        {
            throw new InvalidOperationException($"ticket '{ticket.Name}' has no passing validation of every subtask to close on");
        }

        var seal = new DoneSeal
        {
            At = at,
            Tip = tip,
            Summary = summary,
            EvidenceHead = ticket.Evidence.Count == 0 ? Genesis : ticket.Evidence[^1].Hash,
            PrevHash = validation.Hash,
        };
        seal.Hash = ChainHash.Of(ticket.Name, seal);
        ticket.Done = seal;
        ticket.Tip = tip;
        ticket.Status = TicketStatus.Done;
        return seal;
    }

    /// <summary>Null when the chain holds; otherwise what is wrong, for a message.</summary>
    public static string? Verify(Ticket ticket) => RecordVerifier.Verify(RecordMapper.ToRecord(ticket));

    public static string Sha256Hex(ReadOnlySpan<byte> data) => ChainHash.Sha256Hex(data);
}
