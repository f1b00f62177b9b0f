using Dialtone.Core.Config;
using Dialtone.Core.Diagnostics;
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
    private DialtoneConfig? config;
    private bool orphansChecked;
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
            throw NoWorkTree(ex);
        }
        catch (GitException ex)
        {
            throw DialtoneError.Environment(ex.Message, null, ex);
        }
    }

    /// <summary>The contract's answer to a path with no work tree: a missing directory is bad input (2), the rest environment (3).</summary>
    public static DialtoneError NoWorkTree(NotARepositoryException ex) => ex.Reason switch
    {
        NoWorkTreeReason.NoDirectory => DialtoneError.Usage(ex.Message, $"{NextStep.Cli} -C <path-to-a-repository> ticket status"),
        NoWorkTreeReason.Bare => DialtoneError.Environment(ex.Message, $"git clone {Grants.ShellWords.Quote(ex.Path)} <work-tree-directory>", ex),
        NoWorkTreeReason.NotOwned => DialtoneError.Environment(ex.Message, $"git config --global --add safe.directory {Grants.ShellWords.Quote(ex.Path)}", ex),
        _ => DialtoneError.Environment(ex.Message, "git init", ex),
    };

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

    /// <summary>What this process is doing (the command), named to anyone who waits for the store.</summary>
    public string Activity { get; set; } = "dialtone";

    /// <summary>The repository's configuration, read once per command.</summary>
    public DialtoneConfig Config => config ??= DialtoneConfig.Load(Repository.TopLevel);

    /// <summary>Things that happened before this command's own work (an orphaned test stopped), for [WARN] lines.</summary>
    public List<string> Notices { get; } = [];

    /// <summary>Opens the store; grants whose expiry nothing enforces are revoked on the way (docs/grants.md).</summary>
    public Store OpenStore()
    {
        if (!orphansChecked)
        {
            // Outside the lock: stopping a test can take its grace period.
            orphansChecked = true;
            Notices.AddRange(Runs.RunningTests.StopOrphans(Path.Combine(StorePaths.Directory, "running")));
        }

        return Grants.LeaseSweeper.RevokeExpired(
            Store.Open(StorePaths, Store.LockTimeoutFromEnvironment(TimeSpan.FromSeconds(Config.StoreLockTimeoutSeconds)), activity: Activity),
            Repository.TopLevel,
            Now());
    }

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
    /// <remarks>
    /// The order keeps store and record agreeing whatever fails or is killed: the new record is
    /// written to a scratch file first (a record that cannot be written leaves the store unchanged),
    /// then the store commits, then the record is renamed into place. A kill between the last two
    /// leaves the store one revision ahead, which the next command repairs (see Reconcile).
    /// </remarks>
    public void Save(Store store, Ticket ticket)
    {
        ticket.Touch(Now());
        var staged = IsCheckedOut(ticket) ? RecordFile.Stage(Repository.TopLevel, ticket, Repository.ScratchDirectory) : null;
        try
        {
            store.InTransaction(() =>
            {
                store.Tickets.Save(ticket);
                CrashPoint.Reach(CrashPoint.BeforeStoreCommit);
            });
        }
        catch
        {
            staged?.Discard();
            throw;
        }

        CrashPoint.Reach(CrashPoint.AfterStoreCommit);
        staged?.Publish();
        CrashPoint.Reach(CrashPoint.AfterRecordWrite);
    }

    /// <summary>Records repaired from the store during this command (they lagged it), for the [ticket] line that says so.</summary>
    public List<string> Repaired { get; } = [];

    /// <summary>The record lives on the ticket's branch, so it is written only while that branch is checked out.</summary>
    public bool IsCheckedOut(Ticket ticket) => CurrentBranch == ticket.Branch;

    private Ticket? Reconcile(Store store, TicketTable table, string name, Ticket? stored)
    {
        var recorded = RecordFile.Read(Repository.TopLevel, name);
        if (recorded is not null && (stored is null || recorded.Revision > stored.Revision))
        {
            store.InTransaction(() => table.Save(recorded));
            Imported.Add(name);
            return recorded;
        }

        if (stored is not null && IsCheckedOut(stored) && (recorded is null || recorded.Revision < stored.Revision))
        {
            // Deleted, moved aside, or left behind by a command killed after the store committed:
            // the store is the truth, so put the record back in step.
            RecordFile.Write(Repository.TopLevel, stored, Repository.ScratchDirectory);
            if (recorded is not null)
            {
                Repaired.Add($"{name} (revision {recorded.Revision} → {stored.Revision})");
            }
        }

        return stored;
    }
}
