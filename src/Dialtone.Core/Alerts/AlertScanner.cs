using Dialtone.Core.Config;
using Dialtone.Core.DocDiff;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Git;

namespace Dialtone.Core.Alerts;

/// <summary>
/// Checks a ticket's watched design docs on both streams (local edits in the work tree, upstream
/// changes on the base branch) and records what changed as alerts. The unchanged path is one `git ls-files` and one `git rev-parse` (run side by side) and
/// a few small queries: nothing is read, hashed or parsed unless git says a doc changed, and a doc
/// already alerted at its current version is not diffed again.
/// </summary>
public sealed class AlertScanner(GitRepository repository, Store store, DialtoneConfig config)
{
    private readonly AlertTable table = new(store.Connection);

    /// <summary>Every pending alert of the ticket after the check, and how many docs are watched.</summary>
    public sealed record Result(IReadOnlyList<Alert> Pending, int Watched);

    /// <summary>The effective watch list (config or defaults, plus additions, minus exclusions).</summary>
    public WatchRules.WatchSet Watch() => WatchRules.Effective(config.WatchedDocs, table.Watches());

    /// <summary>Checks both streams, raising or updating alerts, and returns everything pending.</summary>
    public Result Check(Ticket ticket, DateTimeOffset now)
    {
        var watch = Watch();
        if (watch.IsEmpty)
        {
            return new Result(table.Pending(ticket.Name), 0);
        }

        // The base tip is read from the ref files when they are plain; git is asked, in parallel, only when not.
        var tipLookup = ticket.BaseBranch is not { } baseBranch
            ? Task.FromResult<string?>(null)
            : BranchTip.FromFiles(repository, baseBranch) is { } fromFiles
                ? Task.FromResult<string?>(fromFiles)
                : Task.Run(() => repository.ResolveCommit(baseBranch));
        var docs = WorkTreeDocs.List(repository, watch.Pathspecs());
        var tip = tipLookup.GetAwaiter().GetResult();
        var scan = table.Scan(ticket.Name);
        if (!scan.Exists)
        {
            TakeBaselines(ticket, docs, tip, now);
            return new Result(table.Pending(ticket.Name), docs.Count);
        }

        var baselines = table.Baselines(ticket.Name);
        var pending = table.Pending(ticket.Name);
        if (Unchanged(docs, baselines, scan.BaseTip, tip))
        {
            return new Result(pending, docs.Count);
        }

        var changed = false;
        store.InTransaction(() =>
        {
            changed |= CheckLocal(ticket, docs, baselines, pending, tip, now);
            changed |= CheckUpstream(ticket, watch, docs, baselines, pending, scan.BaseTip, tip, now);
        });
        return new Result(changed ? table.Pending(ticket.Name) : pending, docs.Count);
    }

    /// <summary>The common answer, decided without a transaction: every doc at its baseline, none missing, the base where it was.</summary>
    private static bool Unchanged(List<WatchedDoc> docs, List<Baseline> baselines, string? scanned, string? tip)
    {
        if (tip is not null && tip != scanned)
        {
            return false;
        }

        var local = baselines.Where(b => b.Stream == AlertStream.Local).ToDictionary(b => b.Path, b => b.Blob, StringComparer.Ordinal);
        var present = 0;
        foreach (var doc in docs)
        {
            if (!local.TryGetValue(doc.Path, out var blob) || blob != doc.Blob)
            {
                return false;
            }

            present++;
        }

        // Baselines of docs git no longer lists (deleted, or no longer watched) need the full check.
        return local.Count(b => b.Value is not null) == docs.Count(d => d.Blob is not null) && present == docs.Count;
    }

    /// <summary>
    /// Takes the ticket's baselines: every watched doc as it is in the work tree now, and the base
    /// branch where the ticket's branch forked from it. Done at `ticket start`, or at a ticket's first
    /// check when it has none (older tickets, records imported from a clone).
    /// </summary>
    public int TakeBaselines(Ticket ticket, DateTimeOffset now)
    {
        var watch = Watch();
        var docs = watch.IsEmpty ? [] : WorkTreeDocs.List(repository, watch.Pathspecs());
        TakeBaselines(ticket, docs, ticket.BaseBranch is { } baseBranch ? repository.ResolveCommit(baseBranch) : null, now);
        return docs.Count;
    }

    /// <summary>Acknowledges one alert: a doc alert moves that doc's baseline to the version it showed.</summary>
    public void Acknowledge(Alert alert, string? note, DateTimeOffset now)
    {
        table.Acknowledge(alert.Id, note, now);
        if (alert.Kind == AlertKind.Doc && alert.Path is { } path)
        {
            table.SetBaseline(alert.Ticket, alert.Stream, path, alert.ToBlob, now);
        }
    }

    /// <summary>The text of a version: kept in the store (work-tree-only versions) or read from git. Null when neither has it.</summary>
    public string? Text(string blob) => table.BlobContent(blob) ?? GitBlob.Text(repository, blob);

    private void TakeBaselines(Ticket ticket, List<WatchedDoc> docs, string? tip, DateTimeOffset now)
    {
        var fork = tip is null ? null : MergeBase(tip) ?? tip;
        store.InTransaction(() =>
        {
            foreach (var doc in docs)
            {
                table.SetBaseline(ticket.Name, AlertStream.Local, doc.Path, doc.Blob, now);
                KeepWorkTreeVersion(doc, now);
            }

            table.SetScan(ticket.Name, fork, now);
        });
    }

    private bool CheckLocal(Ticket ticket, List<WatchedDoc> docs, List<Baseline> baselines, List<Alert> pending, string? tip, DateTimeOffset now)
    {
        var local = Index(baselines, AlertStream.Local);
        var upstream = Index(baselines, AlertStream.Upstream);
        var shownLocal = Shown(pending, AlertStream.Local);
        var shownUpstream = Shown(pending, AlertStream.Upstream);
        var changed = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            seen.Add(doc.Path);
            changed |= CheckLocalDoc(ticket, doc.Path, doc, local, upstream, shownLocal, shownUpstream, tip, now);
        }

        // A doc with a baseline that git no longer lists was deleted, unless it is still on disk (no longer watched).
        foreach (var (path, baseline) in local)
        {
            if (!seen.Contains(path) && baseline.Blob is not null && !File.Exists(Path.Combine(repository.TopLevel, path)))
            {
                changed |= CheckLocalDoc(ticket, path, null, local, upstream, shownLocal, shownUpstream, tip, now);
            }
        }

        return changed;
    }

    private bool CheckLocalDoc(
        Ticket ticket,
        string path,
        WatchedDoc? doc,
        Dictionary<string, Baseline> local,
        Dictionary<string, Baseline> upstream,
        Dictionary<string, Alert> shownLocal,
        Dictionary<string, Alert> shownUpstream,
        string? tip,
        DateTimeOffset now)
    {
        var work = doc?.Blob;
        var hasBaseline = local.TryGetValue(path, out var baseline);
        var decision = StreamRules.Local(
            hasBaseline,
            baseline?.Blob,
            work,
            upstream.TryGetValue(path, out var acknowledged) ? new StreamRules.Pinned(acknowledged.Blob) : null,
            shownLocal.TryGetValue(path, out var localAlert) ? new StreamRules.Pinned(localAlert.ToBlob) : null,
            shownUpstream.TryGetValue(path, out var upstreamAlert) ? new StreamRules.Pinned(upstreamAlert.ToBlob) : null);
        if (decision == StreamDecision.Nothing)
        {
            return false;
        }

        // A doc watched only since the baselines were taken (`watch add`, a new pattern) is not news
        // when it is committed as it is: the branch has had it all along, or the agent committed it.
        if (!hasBaseline && work is not null && BlobAtHead(path) == work)
        {
            decision = StreamDecision.Adopt;
        }

        var after = work is null ? null : ReadWorkTree(path);
        if (decision == StreamDecision.Adopt)
        {
            Adopt(ticket, AlertStream.Local, path, work, doc, after, now);
            return false;
        }

        var from = baseline?.Blob;
        var changes = Changes(path, from, after);
        if (changes is null)
        {
            Adopt(ticket, AlertStream.Local, path, work, doc, after, now);
            return false;
        }

        // A version git lists as modified or untracked is uncommitted: no need to ask git log.
        var origin = doc is { OnlyInWorkTree: true }
            ? ChangeOrigin.Uncommitted(repository, path, now)
            : ChangeOrigin.Local(repository, path, work, now);

        // A version committed on the base branch after the ticket started came in with a merge: say where from.
        var mergedFrom = origin.Commit is { } commit && tip is not null && IsAncestor(commit, tip)
            && (ticket.BaseCommit is null || !IsAncestor(commit, ticket.BaseCommit))
            ? ticket.BaseBranch
            : null;
        if (doc is { OnlyInWorkTree: true } && work is not null && after is not null)
        {
            table.StoreBlob(work, after, now);
        }

        RaiseDoc(ticket, AlertStream.Local, path, from, work, mergedFrom, origin, changes, now);
        return true;
    }

    private bool CheckUpstream(
        Ticket ticket,
        WatchRules.WatchSet watch,
        List<WatchedDoc> docs,
        List<Baseline> baselines,
        List<Alert> pending,
        string? scanned,
        string? tip,
        DateTimeOffset now)
    {
        if (tip is null || tip == scanned || watch.IsEmpty)
        {
            return false;
        }

        if (scanned is null)
        {
            // The base branch appeared (or was never known): start from where this branch forked.
            table.SetScan(ticket.Name, MergeBase(tip) ?? tip, now);
            return false;
        }

        var entries = repository.DiffRaw(scanned, tip, watch.Pathspecs());
        if (entries is null)
        {
            // The last checked tip is gone (history rewritten and collected): start again from here.
            table.SetScan(ticket.Name, tip, now);
            return false;
        }

        var local = Index(baselines, AlertStream.Local);
        var upstream = Index(baselines, AlertStream.Upstream);
        var shownUpstream = Shown(pending, AlertStream.Upstream);
        var work = docs.ToDictionary(d => d.Path, d => d.Blob, StringComparer.Ordinal);
        var changed = false;
        foreach (var (path, oldBlob, newBlob, _) in entries)
        {
            // A doc that had not changed upstream before was acknowledged as it was at the last check.
            string? baseline;
            if (upstream.TryGetValue(path, out var row))
            {
                baseline = row.Blob;
            }
            else
            {
                baseline = oldBlob;
                table.SetBaseline(ticket.Name, AlertStream.Upstream, path, baseline, now);
            }

            var localBaseline = local.TryGetValue(path, out var localRow) ? new StreamRules.Pinned(localRow.Blob) : (StreamRules.Pinned?)null;
            var shown = shownUpstream.TryGetValue(path, out var alert) ? new StreamRules.Pinned(alert.ToBlob) : (StreamRules.Pinned?)null;
            var inWorkTree = work.GetValueOrDefault(path);
            var decision = StreamRules.Upstream(baseline, newBlob, inWorkTree, localBaseline, shown, EmptySet);
            if (decision == StreamDecision.Alert && newBlob is not null)
            {
                decision = StreamRules.Upstream(baseline, newBlob, inWorkTree, localBaseline, shown, OwnVersions(tip, path));
            }

            if (decision == StreamDecision.Nothing)
            {
                continue;
            }

            if (decision == StreamDecision.Adopt)
            {
                table.SetBaseline(ticket.Name, AlertStream.Upstream, path, newBlob, now);
                continue;
            }

            var changes = Changes(path, baseline, newBlob is null ? null : GitBlob.Text(repository, newBlob));
            if (changes is null)
            {
                table.SetBaseline(ticket.Name, AlertStream.Upstream, path, newBlob, now);
                continue;
            }

            RaiseDoc(ticket, AlertStream.Upstream, path, baseline, newBlob, ticket.BaseBranch, ChangeOrigin.Upstream(repository, tip, path, now), changes, now);
            changed = true;
        }

        table.SetScan(ticket.Name, tip, now);
        return changed;
    }

    private void RaiseDoc(
        Ticket ticket,
        AlertStream stream,
        string path,
        string? fromBlob,
        string? toBlob,
        string? baseRef,
        ChangeOrigin origin,
        IReadOnlyList<DocChange> changes,
        DateTimeOffset now) =>
        table.RaiseDoc(
            new Alert
            {
                Ticket = ticket.Name,
                Kind = AlertKind.Doc,
                Stream = stream,
                Path = path,
                FromBlob = fromBlob,
                ToBlob = toBlob,
                BaseRef = baseRef,
                ChangedAt = origin.At,
                Author = origin.Author,
                Commit = origin.Commit,
                Subject = origin.Subject,
                Changes = changes,
            },
            now);

    /// <summary>The structural changes from the acknowledged version to <paramref name="after"/>; null when it only reformatted.</summary>
    private IReadOnlyList<DocChange>? Changes(string path, string? fromBlob, string? after)
    {
        string? before = null;
        if (fromBlob is not null)
        {
            before = Text(fromBlob);
            if (before is null)
            {
                return [new DocChange(ChangeKind.Changed, $"The acknowledged version ({fromBlob[..Math.Min(7, fromBlob.Length)]}) is no longer available, so the changes cannot be listed; see git log -p -- {path}.")];
            }
        }

        var result = DocDiffer.Diff(path, before, after);
        if (result.Changes.Count > 0)
        {
            return result.Changes;
        }

        // Added or deleted outright is a change even when there is nothing inside to list.
        return (fromBlob is null) == (after is null) ? null : [];
    }

    private void Adopt(Ticket ticket, AlertStream stream, string path, string? blob, WatchedDoc? doc, string? text, DateTimeOffset now)
    {
        table.SetBaseline(ticket.Name, stream, path, blob, now);
        if (doc is { OnlyInWorkTree: true } && blob is not null && text is not null)
        {
            table.StoreBlob(blob, text, now);
        }
    }

    private void KeepWorkTreeVersion(WatchedDoc doc, DateTimeOffset now)
    {
        if (doc.OnlyInWorkTree && doc.Blob is not null && ReadWorkTree(doc.Path) is { } text)
        {
            table.StoreBlob(doc.Blob, text, now);
        }
    }

    private string? ReadWorkTree(string path) =>
        WorkTreeDocs.ReadFile(repository, path) is { } bytes ? GitBlob.Decode(bytes) : null;

    private bool IsAncestor(string commit, string tip) => repository.IsAncestor(commit, tip);

    private string? BlobAtHead(string path) => repository.BlobIdAt("HEAD", path);

    private string? MergeBase(string tip) => repository.MergeBase("HEAD", tip);

    /// <summary>Versions of the doc committed on this branch since it left the base (the agent's own edits).</summary>
    private HashSet<string> OwnVersions(string tip, string path) =>
        repository.LogRaw(tip, "HEAD", path).Where(e => e.NewBlob is not null).Select(e => e.NewBlob!).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> EmptySet = [];

    private static Dictionary<string, Baseline> Index(List<Baseline> baselines, AlertStream stream) =>
        baselines.Where(b => b.Stream == stream).ToDictionary(b => b.Path, StringComparer.Ordinal);

    private static Dictionary<string, Alert> Shown(List<Alert> pending, AlertStream stream)
    {
        var shown = new Dictionary<string, Alert>(StringComparer.Ordinal);
        foreach (var alert in pending.Where(a => a.Kind == AlertKind.Doc && a.Stream == stream && a.Path is not null))
        {
            shown.TryAdd(alert.Path!, alert);
        }

        return shown;
    }
}
