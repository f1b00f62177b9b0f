using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Git;

namespace Dialtone.Core.Memory;

/// <summary>Turns a done ticket into an archive entry: what it was, what it changed, how its tests went, its tip.</summary>
public static class Archiver
{
    /// <summary>Done tickets archived per command on catch-up, so an old store upgrades without one slow start.</summary>
    public const int CatchUpBatch = 20;

    /// <summary>Archives <paramref name="ticket"/> (done) with the files its branch changed. Returns that file count.</summary>
    public static int Archive(Store store, GitRepository repository, Ticket ticket, DateTimeOffset now)
    {
        var files = BranchFiles.Changed(repository, ticket);
        var head = repository.Head;
        var summary = store.Journal.LatestSummary(ticket.Name)?.Text;
        store.InTransaction(() => store.Archive.Write(ticket, summary, head, files, now));
        return files.Count;
    }

    /// <summary>
    /// Archives done tickets that have no entry yet: done before this store had an archive, or done
    /// elsewhere and brought in by a record. Their branches' files are not known here.
    /// </summary>
    public static void CatchUp(Store store)
    {
        var archive = store.Archive;
        var missing = archive.Unarchived(CatchUpBatch);
        if (missing.Count == 0)
        {
            return;
        }

        var tickets = store.Tickets;
        var journal = store.Journal;
        store.InTransaction(() =>
        {
            foreach (var name in missing)
            {
                if (tickets.Find(name) is { } ticket)
                {
                    archive.Write(ticket, journal.LatestSummary(name)?.Text, null, [], ticket.UpdatedAt);
                }
            }
        });
    }
}
