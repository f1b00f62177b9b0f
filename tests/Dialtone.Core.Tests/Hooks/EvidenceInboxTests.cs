using Dialtone.Core.EvidenceFiles;
using Dialtone.Core.Signing;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Records;
using Dialtone.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Dialtone.Core.Tests.Hooks;

/// <summary>The inbox shims append to in sh, and how the next command takes its lines in as evidence.</summary>
public sealed class EvidenceInboxTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 59, 30, TimeSpan.Zero);

    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Line_RoundTrips_AndWhatIsNotALineIsDropped()
    {
        var line = new InboxLine(At, EvidenceKinds.GateSkipped, "feature", "post-commit", Commit, "Fix\tit");

        Assert.Equal($"2026-11-30T08:59:30Z\tgate-skipped\tfeature\tpost-commit\t{Commit}\tFix it\n", line.Format());
        Assert.Equal(line with { Subject = "Fix it" }, InboxLine.Parse(line.Format().TrimEnd('\n')));
        Assert.Equal("a b", InboxLine.Parse($"2026-11-30T08:59:30Z\tgate-skipped\tfeature\tpost-commit\t{Commit}\ta\tb")!.Subject);
        Assert.Null(InboxLine.Parse("garbage"));
        Assert.Null(InboxLine.Parse($"yesterday\tgate-skipped\tfeature\tpre-commit\t{Commit}\t"));
        Assert.Null(InboxLine.Parse("2026-11-30T08:59:30Z\tgate-skipped"));
    }

    [Fact]
    public void PreCommitSkip_FollowedByItsPostCommitSkip_IsOneEntry()
    {
        InboxLine[] lines =
        [
            new(At, EvidenceKinds.GateSkipped, "feature", "pre-commit", "aaaaaaa", ""),
            new(At, EvidenceKinds.GateSkipped, "feature", "post-commit", Commit, "Emergency"),
            new(At, EvidenceKinds.GateSkipped, "feature", "pre-commit", Commit, ""),
            new(At, EvidenceKinds.UnverifiedCommit, "feature", "post-commit", Commit, "Sneaky"),
        ];

        var entries = EvidenceInbox.Entries(lines).ToList();

        Assert.Equal(
            [
                "commit 0123456 'Emergency' was made with DIALTONE=0: no Dialtone hook checked it",
                "pre-commit ran with DIALTONE=0 on 'feature' at 0123456: the commit gate checked nothing",
                "commit 0123456 'Sneaky' was made without passing the commit gate",
            ],
            entries.Select(e => e.Detail));
        Assert.All(entries, e => Assert.Equal(At, e.At));
    }

    [Fact]
    public void CurrentTicket_TakesInItsBranchsLines_LeavesOthers_AndNeverTwice()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "feature");
        var workspace = Workspace.Discover(repo.Path_, Time);
        var directory = workspace.StorePaths.Directory;
        using (var store = workspace.OpenStore())
        {
            workspace.Save(store, new Ticket { Name = "feature", Branch = "feature", CreatedAt = workspace.Now() });
        }

        var mine = new InboxLine(At, EvidenceKinds.GateSkipped, "feature", "post-checkout", Commit, "");
        var theirs = new InboxLine(At, EvidenceKinds.GateSkipped, "other", "pre-commit", Commit, "");
        EvidenceInbox.Append(directory, mine);
        EvidenceInbox.Append(directory, theirs);
        File.AppendAllText(EvidenceInbox.PathIn(directory), "torn li");

        using (var store = workspace.OpenStore())
        {
            var ticket = workspace.CurrentTicket(store)!;
            Assert.Equal(["post-checkout ran with DIALTONE=0 on 'feature' at 0123456: its checks were skipped"], ticket.Evidence.Select(e => e.Detail));
            Assert.Equal(theirs.Format(), File.ReadAllText(EvidenceInbox.PathIn(directory)));
            Assert.Contains("post-checkout ran with DIALTONE=0", repo.Read(".dialtone/tickets/feature.json"), StringComparison.Ordinal);
            Assert.Null(Chain.Verify(ticket));
        }

        // A claim a crash left behind after the save is taken again without adding the entry twice.
        File.WriteAllText(Path.Combine(directory, $"{EvidenceInbox.FileName}.1.x.claim"), mine.Format());
        using (var store = workspace.OpenStore())
        {
            Assert.Single(workspace.CurrentTicket(store)!.Evidence);
        }

        Assert.Empty(Directory.GetFiles(directory, "*.claim"));
        Assert.True(BranchMarker.Exists(directory, "feature"));
    }
}
