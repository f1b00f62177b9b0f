using Dialtone.Cli.Tests.Alerts;
using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// A design-doc change not yet acknowledged refuses a SIGN: the spec moved under the work being
/// signed. Acknowledging it (after reading it) makes the same passing run signable again.
/// </summary>
public sealed class AlertSignTests
{
    /// <summary>The spec renamed a field on the base branch after the ticket's test passed; the ticket's work tree is untouched.</summary>
    private static void SpecMovesUpstream(TempRepo repo)
    {
        repo.Git("checkout", "-q", "main");
        repo.Write("api_spec.md", AlertStoryTests.Spec.Replace("webhook_url", "callback_uri", StringComparison.Ordinal));
        repo.Git("add", "api_spec.md");
        repo.Git("commit", "-q", "-m", "Rename the webhook field");
        repo.Git("checkout", "-q", "feature-webhooks");
    }

    [Fact]
    public void AnUnacknowledgedSpecChange_RefusesTheSign_UntilAcknowledged()
    {
        using var repo = AlertStoryTests.RepoWithSpec();
        AddSubtask(repo, "handler", "true");
        Ok(repo, "ticket", "next");
        var tree = Tree(repo);
        SpecMovesUpstream(repo);
        Assert.Equal(tree, Tree(repo));

        var sign = Expect(1, repo, "ticket", "log", SignText("handler"));

        var lines = sign.Lines.ToList();
        Assert.Matches(@"^\[BLOCK\] Signature refused: the design doc 'api_spec\.md' \(alert #\d+\) changed and the change is not acknowledged: the spec moved under the work being signed\.$", lines[0]);
        Assert.Contains("[DIFF] Field 'webhook_url' renamed to 'callback_uri'.", lines);
        Assert.StartsWith("[MESSAGE] Read the change", lines[^2], StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket ack", lines[^1]);
        Assert.Single(lines, l => l.StartsWith("[ACTION]", StringComparison.Ordinal));
        Assert.Empty(Record(repo, "feature-webhooks").GetProperty("attestations").EnumerateArray());

        Ok(repo, "ticket", "ack");
        var signed = Ok(repo, "ticket", "log", SignText("handler"));
        Assert.StartsWith("[ticket] Signed: handler", signed.Lines.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Next_SaysTheSignWouldBeRefused_AndPointsAtTheAck()
    {
        using var repo = AlertStoryTests.RepoWithSpec();
        AddSubtask(repo, "handler", "true");
        SpecMovesUpstream(repo);

        var next = Ok(repo, "ticket", "next");

        var lines = next.Lines.ToList();
        Assert.Contains(lines, l => l.StartsWith("[ALERT] Design Doc 'api_spec.md'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[PASS] Subtask 'handler'", StringComparison.Ordinal));
        Assert.StartsWith("[MESSAGE] The test passed, but a SIGN is refused while 'api_spec.md'", lines[^2], StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket ack", lines[^1]);
        Assert.Single(lines, l => l.StartsWith("[ACTION]", StringComparison.Ordinal));
    }
}
