using Dialtone.Core.Alerts;
using Dialtone.Core.Config;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Git;
using Dialtone.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Dialtone.Core.Tests.Alerts;

/// <summary>The local stream end to end in process: a real repository, a real store, the scanner between them.</summary>
public sealed class AlertScannerTests : IDisposable
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    private const string Spec = "# API\n\n| Field | Type | Description |\n|---|---|---|\n| webhook_url | string | Where events go |\n| secret | string | Signs deliveries |\n";

    private readonly TempRepo repo = new();
    private readonly GitRepository git;
    private readonly Store store;
    private readonly Ticket ticket = new() { Name = "feature", Branch = "feature", CreatedAt = DateTimeOffset.UnixEpoch };

    public AlertScannerTests()
    {
        repo.Write("api_spec.md", Spec);
        repo.Commit("spec");
        git = GitRepository.Discover(repo.Path_);
        store = Store.Open(StorePaths.ForCommonDir(git.CommonDir));
        Scanner().TakeBaselines(ticket, Clock.Now(Time));
    }

    [Fact]
    public void AnEdit_IsOneAlert_UpdatedInPlace_UntilAcknowledged()
    {
        Assert.Empty(Check());

        repo.Write("api_spec.md", Spec.Replace("webhook_url", "callback_uri", StringComparison.Ordinal));
        var first = Assert.Single(Check());
        var again = Assert.Single(Check());
        repo.Write("api_spec.md", Spec.Replace("webhook_url", "callback_uri", StringComparison.Ordinal).Replace("| secret | string |", "| secret | bytes |", StringComparison.Ordinal));
        var updated = Assert.Single(Check());

        Assert.Equal(["Field 'webhook_url' renamed to 'callback_uri'."], first.Changes.Select(c => c.Text));
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Id, updated.Id);
        Assert.Equal(first.FromBlob, updated.FromBlob);
        Assert.Equal(["Field 'webhook_url' renamed to 'callback_uri'.", "Field 'secret' type changed from 'string' to 'bytes'."], updated.Changes.Select(c => c.Text));

        Scanner().Acknowledge(updated, "read it", Clock.Now(Time));
        Assert.Empty(Check());
    }

    [Fact]
    public void AVersionThatOnlyExistedInTheWorkTree_StillDiffsLater()
    {
        repo.Write("api_spec.md", Spec + "| retries | integer | Attempts |\n");
        Scanner().Acknowledge(Assert.Single(Check()), null, Clock.Now(Time));

        // Never staged, never committed: git has no such blob, the store kept its text.
        repo.Write("api_spec.md", Spec + "| max_retries | integer | Attempts |\n");
        var alert = Assert.Single(Check());

        Assert.Equal(["Field 'retries' renamed to 'max_retries'."], alert.Changes.Select(c => c.Text));
    }

    [Fact]
    public void Reformatting_MovesTheBaselineSilently()
    {
        repo.Write("api_spec.md", Spec.Replace("| Field | Type |", "|   Field   |   Type   |", StringComparison.Ordinal) + "\n\n");

        Assert.Empty(Check());
        Assert.Equal(
            repo.Git("hash-object", "api_spec.md"),
            store.Alerts.Baselines(ticket.Name).Single(b => b.Stream == AlertStream.Local).Blob);
    }

    [Fact]
    public void DeletedThenRecreated_IsTwoAlerts()
    {
        File.Delete(Path.Combine(repo.Path_, "api_spec.md"));
        var deleted = Assert.Single(Check());
        Scanner().Acknowledge(deleted, null, Clock.Now(Time));
        Assert.Empty(Check());
        repo.Write("api_spec.md", Spec);
        var added = Assert.Single(Check());

        Assert.True(deleted.IsDeleted);
        Assert.True(added.IsAdded);
        Assert.Contains("Section 'API' added.", added.Changes.Select(c => c.Text));
    }

    [Fact]
    public void ANewUncommittedDoc_IsNews_ButAWatchedCommittedOneIsNot()
    {
        repo.Write("docs/new-design.md", "# New design\n\nDraft.\n");
        repo.Write("design/old.txt", "committed long ago\n");
        repo.Git("add", "design/old.txt");
        repo.Git("commit", "-q", "-m", "old notes");
        store.Alerts.SetWatch("design/*.txt", exclude: false, Clock.Now(Time), "test");

        var alert = Assert.Single(Check());

        Assert.Equal("docs/new-design.md", alert.Path);
        Assert.True(alert.IsAdded);
    }

    public void Dispose()
    {
        store.Dispose();
        repo.Dispose();
    }

    private AlertScanner Scanner() => new(git, store, new DialtoneConfig());

    private IReadOnlyList<Alert> Check() => Scanner().Check(ticket, Clock.Now(Time)).Pending;
}
