using Dialtone.Records;


namespace Dialtone.Core.Tickets;

/// <summary>A unit of work on its own branch, split into subtasks that are worked in order.</summary>
public sealed class Ticket
{
    public required string Name { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The branch the ticket lives on (its name, unless configured otherwise).</summary>
    public required string Branch { get; set; }

    /// <summary>The branch it was started from; null when unknown (detached HEAD, or started on its own branch).</summary>
    public string? BaseBranch { get; set; }

    /// <summary>The commit the branch was created at; null on an unborn repository.</summary>
    public string? BaseCommit { get; set; }

    /// <summary>The ticket this one was added from as a side quest.</summary>
    public string? Parent { get; set; }

    public TicketStatus Status { get; set; } = TicketStatus.Open;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Increases by one with every change; decides whether a record is newer than the store.</summary>
    public long Revision { get; set; }

    public List<Subtask> Subtasks { get; set; } = [];

    /// <summary>The hash-chained signatures, oldest first.</summary>
    public List<Attestation> Attestations { get; set; } = [];

    /// <summary>The last validation, or null when the ticket was never validated.</summary>
    public Validation? Validation { get; set; }

    /// <summary>The tip left for the next agent at `ticket done`.</summary>
    public string? Tip { get; set; }

    /// <summary>Things that happened outside the loop, chained; carried in the record for reviewers.</summary>
    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>The seal that makes the ticket done (tip and summary included); null while open.</summary>
    public DoneSeal? Done { get; set; }

    /// <summary>The latest attestation of <paramref name="subtask"/>, or null when it was never signed.</summary>
    public Attestation? LastSignature(string subtask) => Attestations.FindLast(a => a.Subtask == subtask);

    public Subtask? FindSubtask(string name) => Subtasks.Find(s => s.Name == name);

    /// <summary>
    /// The subtask `ticket next` works on: the first, in order, that is not done and whose
    /// dependencies are all done. Null when every subtask is done or all remaining ones wait on deps.
    /// </summary>
    public Subtask? CurrentSubtask()
    {
        foreach (var subtask in Subtasks)
        {
            if (subtask.Status != SubtaskStatus.Done && subtask.Dependencies.TrueForAll(IsDone))
            {
                return subtask;
            }
        }

        return null;
    }

    public int DoneCount => Subtasks.Count(s => s.Status == SubtaskStatus.Done);

    /// <summary>Records a change: bumps the revision and the update time.</summary>
    public void Touch(DateTimeOffset now)
    {
        Revision++;
        UpdatedAt = now;
    }

    private bool IsDone(string dependency) => FindSubtask(dependency)?.Status == SubtaskStatus.Done;
}
