using Dialtone.Core.Records;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Git;

namespace Dialtone.Core.Workflow;

/// <summary>
/// The repository a command works on, its store, and the rule that keeps store and records in
/// step: a record in the work tree that is newer than the store (fresh clone, pull) is imported;
/// every change is saved to the store and then written to the record of a checked-out ticket.
/// </summary>
public sealed class Workspace
{
    private string? branch;
    private bool branchRead;

    private Workspace(GitRepository repository, TimeProvider time)
    {
        Repository = repository;
        Time = time;
        StorePaths = StorePaths.ForCommonDir(repository.CommonDir);
    }

    public GitRepository Repository { get; }

    /// <summary>Where every use case on this workspace reads the time.</summary>
    public TimeProvider Time { get; }

    public StorePaths StorePaths { get; }

    /// <summary>Records imported from the work tree during this command, for the [ticket] line that says so.</summary>
    public List<string> Imported { get; } = [];

    /// <summary>The repository that contains <paramref name="directory"/>; environment errors become exit 3.</summary>
    public static Workspace Discover(string directory, TimeProvider? time = null)
    {
        try
        {
            return new Workspace(GitRepository.Discover(directory), time ?? TimeProvider.System);
        }
        catch (NotARepositoryException ex)
        {
            throw DialtoneError.Environment(ex.Message, "git init   (or run dialtone inside a git work tree, or pass -C <path>)", ex);
        }
        catch (GitException ex)
        {
            throw DialtoneError.Environment(ex.Message, null, ex);
        }
    }

    /// <summary>The checked-out branch, read once per command and refreshed after a switch.</summary>
    public string? CurrentBranch
    {
        get
        {
            if (!branchRead)
            {
                branch = Repository.CurrentBranch;
                branchRead = true;
            }

            return branch;
        }
    }

    public void BranchChanged() => branchRead = false;

    /// <summary>Now, to the millisecond, from <see cref="Time"/>.</summary>
    public DateTimeOffset Now() => Clock.Now(Time);

    /// <summary>Opens the store; grants whose expiry nothing enforces are revoked on the way (docs/grants.md).</summary>
    public Store OpenStore() => Grants.LeaseSweeper.RevokeExpired(Store.Open(StorePaths), Repository.TopLevel, Now());

    /// <summary>The ticket of the checked-out branch, or null when the branch has none.</summary>
    public Ticket? CurrentTicket(Store store)
    {
        if (CurrentBranch is not { } current)
        {
            return null;
        }

        var table = store.Tickets;
        var stored = table.FindByBranch(current);
        var name = stored?.Name ?? (Names.IsValid(current) ? current : null);
        var ticket = name is null ? null : Reconcile(store, table, name, stored);
        if (ticket is not null && IsCheckedOut(ticket))
        {
            // The gates know a ticket branch without its record by this marker; what hooks could only
            // note in the evidence inbox (DIALTONE=0, commits without the gate) lands on the ticket here.
            EvidenceFiles.BranchMarker.TryEnsure(StorePaths.Directory, ticket.Branch, ticket.Name);
            EvidenceFiles.EvidenceInbox.Ingest(this, store, ticket);
        }

        return ticket;
    }

    /// <summary>The named ticket, reconciled with its record when that record is in this work tree.</summary>
    public Ticket? FindTicket(Store store, string name)
    {
        var table = store.Tickets;
        return Reconcile(store, table, name, table.Find(name));
    }

    /// <summary>Imports every record in the work tree that the store lacks or holds an older revision of.</summary>
    public void ImportRecords(Store store)
    {
        var directory = Path.Combine(Repository.TopLevel, ".dialtone", "tickets");
        if (!Directory.Exists(directory))
        {
            return;
        }

        var table = store.Tickets;
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (Names.IsValid(name))
            {
                Reconcile(store, table, name, table.Find(name));
            }
        }
    }

    /// <summary>Records a change: bumps the revision, saves to the store, rewrites the record when checked out.</summary>
    public void Save(Store store, Ticket ticket)
    {
        ticket.Touch(Now());
        store.InTransaction(() => store.Tickets.Save(ticket));
        WriteRecordIfCheckedOut(ticket);
    }

    /// <summary>The record lives on the ticket's branch, so it is written only while that branch is checked out.</summary>
    public bool IsCheckedOut(Ticket ticket) => CurrentBranch == ticket.Branch;

    private void WriteRecordIfCheckedOut(Ticket ticket)
    {
        if (IsCheckedOut(ticket))
        {
            RecordFile.Write(Repository.TopLevel, ticket);
        }
    }

    private Ticket? Reconcile(Store store, TicketTable table, string name, Ticket? stored)
    {
        var recorded = RecordFile.Read(Repository.TopLevel, name);
        if (recorded is not null && (stored is null || recorded.Revision > stored.Revision))
        {
            store.InTransaction(() => table.Save(recorded));
            Imported.Add(name);
            return recorded;
        }

        if (recorded is null && stored is not null && IsCheckedOut(stored))
        {
            // Deleted or moved aside: the store is the truth, so put the record back.
            RecordFile.Write(Repository.TopLevel, stored);
        }

        return stored;
    }
}
