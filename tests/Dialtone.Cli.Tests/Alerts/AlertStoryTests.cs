using System.Text.RegularExpressions;
using Dialtone.Cli.Tests.Loop;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Alerts;

/// <summary>
/// Design-doc alerts as an agent meets them: the real CLI in real
/// repositories, edits under the agent, commits on the base branch, acknowledgements.
/// </summary>
public sealed partial class AlertStoryTests
{
    public const string Spec = """
        # Payments API

        ## Webhook registration

        | Field | Type | Required | Description |
        |-------|------|----------|-------------|
        | webhook_url | string | yes | HTTPS URL the service posts events to |
        | secret | string | yes | Shared secret used to sign each delivery |

        """;

    /// <summary>A repository whose main branch has api_spec.md, with ticket <paramref name="ticket"/> started from it.</summary>
    public static TempRepo RepoWithSpec(string ticket = "feature-webhooks")
    {
        var repo = new TempRepo();
        repo.Write("api_spec.md", Spec);
        repo.Commit("API spec");
        Story.Ok(repo, "ticket", "start", ticket);
        return repo;
    }

    [Fact]
    public void SeedSection4_AnEditUnderTheAgent_IsAlertedAfterTheLog()
    {
        using var repo = RepoWithSpec();
        var spec = repo.Write("api_spec.md", Spec.Replace("webhook_url", "callback_uri", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(spec, DateTime.UtcNow.AddMinutes(-2).AddSeconds(-10));

        var log = Story.Ok(repo, "ticket", "log", "Implementing the webhook handler.");

        var lines = log.Lines.ToList();
        Assert.Equal("[ticket] Log captured.", lines[0]);
        Assert.StartsWith("[ALERT] Design Doc 'api_spec.md' was modified 2 minutes ago.", lines[1], StringComparison.Ordinal);
        Assert.Contains("uncommitted change in the work tree", lines[1], StringComparison.Ordinal);
        Assert.Equal("[DIFF] Field 'webhook_url' renamed to 'callback_uri'.", lines[2]);
        Assert.Matches(@"^\[ACTION\] Please update your implementation, then: \./dialtone\.sh ticket ack --alert \d+   \(full diff: \./dialtone\.sh docs diff api_spec\.md\)$", lines[3]);
        Assert.Equal(4, lines.Count);
    }

    [Fact]
    public void AnAlert_PersistsUntilAcknowledged_ThenAckSilencesIt()
    {
        using var repo = RepoWithSpec();
        repo.Write("api_spec.md", Spec.Replace("| secret | string | yes |", "| secret | string | no |", StringComparison.Ordinal));

        var first = Story.Ok(repo, "ticket", "log", "First note.");
        var status = Story.Ok(repo, "ticket", "status");
        var id = AlertId(first.StdOut);

        Assert.Contains("[DIFF] Field 'secret' is now optional.", first.Lines);
        Assert.Contains("[DIFF] Field 'secret' is now optional.", status.Lines);
        Assert.Contains($"alert #{id}:", status.StdOut, StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket ack", status.Lines.Last());

        var ack = Story.Ok(repo, "ticket", "ack");
        Assert.Contains($"[ticket] Acknowledged alert #{id}: Design Doc 'api_spec.md' was modified", ack.StdOut, StringComparison.Ordinal);

        var after = Story.Ok(repo, "ticket", "log", "Second note.");
        Assert.DoesNotContain("[ALERT]", after.StdOut, StringComparison.Ordinal);

        // A further edit is news again, diffed from the acknowledged version.
        repo.Write("api_spec.md", Spec.Replace("| secret | string | yes |", "| signing_secret | string | no |", StringComparison.Ordinal));
        var again = Story.Ok(repo, "ticket", "log", "Third note.");
        Assert.Contains("[DIFF] Field 'secret' renamed to 'signing_secret'.", again.Lines);
        Assert.NotEqual(id, AlertId(again.StdOut));
    }

    [Fact]
    public void UpstreamCommitOnTheBaseBranch_RaisesAnAlert_OnTheTicketBranch()
    {
        using var repo = RepoWithSpec();
        repo.Git("checkout", "-q", "main");
        repo.Write("api_spec.md", Spec.Replace("| webhook_url | string |", "| callback_uri | uri |", StringComparison.Ordinal));
        repo.Commit("Rename the webhook field");
        var commit = repo.Git("rev-parse", "--short=7", "HEAD");
        repo.Git("checkout", "-q", "feature-webhooks");

        var next = Story.Ok(repo, "ticket", "next");

        Assert.Contains(next.Lines, l => l.StartsWith("[ALERT] Design Doc 'api_spec.md' was modified 0 minutes ago.", StringComparison.Ordinal)
            && l.Contains($"upstream on 'main', commit {commit} by Test User, \"Rename the webhook field\"", StringComparison.Ordinal));
        Assert.Contains("[DIFF] Field 'webhook_url' renamed to 'callback_uri'.", next.Lines);
        Assert.Contains("[DIFF] Field 'callback_uri' type changed from 'string' to 'uri'.", next.Lines);

        // The work tree still has the old version: that is not a local change.
        Assert.Single(next.Lines, l => l.StartsWith("[ALERT]", StringComparison.Ordinal));
    }

    [Fact]
    public void AcknowledgedUpstreamChange_IsNotReportedAgain_WhenTheBaseIsMerged()
    {
        using var repo = RepoWithSpec();
        repo.Git("checkout", "-q", "main");
        repo.Write("api_spec.md", Spec.Replace("webhook_url", "callback_uri", StringComparison.Ordinal));
        repo.Commit("Rename the webhook field");
        repo.Git("checkout", "-q", "feature-webhooks");
        var id = AlertId(Story.Ok(repo, "ticket", "status").StdOut);
        Story.Ok(repo, "ticket", "ack", "--alert", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "ticket record");
        repo.Git("merge", "-q", "--no-edit", "main");
        var status = Story.Ok(repo, "ticket", "status");

        Assert.DoesNotContain("[ALERT]", status.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAgentsOwnCommittedEdits_AreNeverUpstreamChanges()
    {
        using var repo = RepoWithSpec();
        repo.Write("api_spec.md", Spec + "| retries | integer | no | Delivery attempts |\n");
        var own = Story.Ok(repo, "ticket", "log", "Added the retries field to the spec.");
        Story.Ok(repo, "ticket", "ack");
        repo.Commit("spec: retries");

        // The ticket's branch lands on main (an intermediate merge), and main moves on elsewhere.
        repo.Git("checkout", "-q", "main");
        repo.Git("merge", "-q", "--no-edit", "feature-webhooks");
        repo.Write("other.txt", "unrelated\n");
        repo.Commit("unrelated");
        repo.Git("checkout", "-q", "feature-webhooks");
        var status = Story.Ok(repo, "ticket", "status");

        Assert.Contains("[DIFF] Field 'retries' (integer, optional) added.", own.Lines);
        Assert.DoesNotContain("[ALERT]", status.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void ReformattingOnly_RaisesNothing()
    {
        using var repo = RepoWithSpec();
        repo.Write("api_spec.md", Spec
            .Replace("| Field | Type | Required | Description |", "|   Field   |  Type  | Required |   Description   |", StringComparison.Ordinal)
            .Replace("# Payments API\n", "# Payments API   \n\n\n", StringComparison.Ordinal));

        var log = Story.Ok(repo, "ticket", "log", "A note.");

        Assert.DoesNotContain("[ALERT]", log.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAndDone_Refuse_WhileAnAlertIsUnacknowledged()
    {
        // Signed first: an unacknowledged doc change would refuse the SIGN itself. Then the spec moves on the base branch.
        using var repo = RepoWithSpec();
        Story.AddSubtask(repo, "ok", "true");
        Story.PassAndSign(repo, "ok");
        repo.Git("checkout", "-q", "main");
        repo.Write("api_spec.md", Spec.Replace("webhook_url", "callback_uri", StringComparison.Ordinal));
        repo.Git("commit", "-q", "-am", "Rename the webhook field");
        repo.Git("checkout", "-q", "feature-webhooks");

        var validate = Story.Expect(1, repo, "ticket", "validate");
        var done = Story.Expect(1, repo, "ticket", "done", "--tip", "Read the spec before the code.");

        Assert.Contains(validate.Lines, l => Regex.IsMatch(l, @"^\[FAIL\] Alert #\d+ is not acknowledged: Design Doc 'api_spec\.md' was modified \d+ minutes? ago\.$"));
        Assert.Equal("[ACTION] ./dialtone.sh ticket ack", validate.Lines.Last());
        Assert.Contains("[ticket] Validating... Fail.", done.Lines);
        Assert.Contains(done.Lines, l => l.StartsWith("[FAIL] Alert #", StringComparison.Ordinal));

        Story.Ok(repo, "ticket", "ack");
        Story.Ok(repo, "ticket", "validate");
    }

    [Fact]
    public void DocsDiff_ShowsEveryChange_WhereTheAlertShowsFive()
    {
        using var repo = RepoWithSpec();
        var rows = string.Concat(Enumerable.Range(1, 7).Select(i => $"| extra_{i} | string | no | Extra field number {i} |\n"));
        repo.Write("api_spec.md", Spec + rows);

        var log = Story.Ok(repo, "ticket", "log", "A note.");
        var diff = Story.Ok(repo, "docs", "diff", "api_spec.md");

        Assert.Equal(5, log.Lines.Count(l => l.StartsWith("[DIFF]", StringComparison.Ordinal)));
        Assert.Contains("(5 of 7 changes shown; full diff: ./dialtone.sh docs diff api_spec.md)", log.StdOut, StringComparison.Ordinal);
        Assert.Equal(7, diff.Lines.Count(l => l.StartsWith("[DIFF]", StringComparison.Ordinal)));
        Assert.Contains("[DIFF] Field 'extra_7' (string, optional) added.", diff.Lines);
        Assert.Equal(7, Story.Ok(repo, "docs", "diff", "api_spec.md", "--json").Json.GetProperty("data").GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public void ExternalEvents_AreShownAtTheNextCommand_AndAcknowledgedTheSameWay()
    {
        using var repo = RepoWithSpec();
        var raised = Story.Ok(repo, "ticket", "alert", "Build 512 failed on main", "--source", "ci", "--level", "error", "--ticket", "feature-webhooks");
        var id = Regex.Match(raised.StdOut, @"Alert #(\d+) raised for ticket 'feature-webhooks' \(ci, error\): Build 512 failed on main").Groups[1].Value;

        var status = Story.Ok(repo, "ticket", "status");
        Assert.Contains($"[ALERT] ci (error), 0 minutes ago: Build 512 failed on main (alert #{id})", status.Lines);
        Assert.Contains($"[ACTION] Please deal with it, then: ./dialtone.sh ticket ack --alert {id}", status.Lines);

        var ack = Story.Ok(repo, "ticket", "ack", "--alert", id, "fixed in #513");
        Assert.Contains($"[ticket] Acknowledged alert #{id}: ci (error): Build 512 failed on main", ack.Lines);
        Assert.DoesNotContain("[ALERT]", Story.Ok(repo, "ticket", "status").StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalEvents_WithoutATicket_ReachEveryOpenTicket()
    {
        using var repo = RepoWithSpec("first");
        Story.Ok(repo, "ticket", "start", "second", "--from", "main");

        var raised = Story.Ok(repo, "ticket", "alert", "Staging is down", "--json");
        var alerts = raised.Json.GetProperty("data").GetProperty("alerts");

        Assert.Equal(2, alerts.GetArrayLength());
        Assert.Contains("Staging is down", Story.Ok(repo, "ticket", "status").StdOut, StringComparison.Ordinal);
        var resumed = Story.Ok(repo, "ticket", "start", "first");
        Assert.Contains(resumed.Lines, l => l.StartsWith("[ALERT] external (warn), ", StringComparison.Ordinal) && Regex.IsMatch(l, @": Staging is down \(alert #\d+\)$"));
        Assert.Contains("Staging is down", Story.Ok(repo, "ticket", "status").StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_IsExit2_WithTheFix()
    {
        using var repo = RepoWithSpec();

        var level = Story.Expect(2, repo, "ticket", "alert", "x", "--level", "panic");
        var unknown = Story.Expect(2, repo, "ticket", "ack", "--alert", "999");
        var both = Story.Expect(2, repo, "ticket", "ack", "3", "--alert", "1");

        Assert.StartsWith("[FAIL] --level 'panic' is not one of error, warn, info.", level.StdOut, StringComparison.Ordinal);
        Assert.StartsWith("[FAIL] Ticket 'feature-webhooks' has no alert #999.", unknown.StdOut, StringComparison.Ordinal);
        Assert.StartsWith("[FAIL] With --alert, give at most a note", both.StdOut, StringComparison.Ordinal);
        Assert.All([level, unknown, both], r => Assert.StartsWith("[ACTION] ", r.Lines.Last(), StringComparison.Ordinal));
    }

    [Fact]
    public void Json_CarriesTheAlerts()
    {
        using var repo = RepoWithSpec();
        repo.Write("api_spec.md", Spec.Replace("webhook_url", "callback_uri", StringComparison.Ordinal));

        var alert = Story.Ok(repo, "ticket", "log", "A note.", "--json").Json.GetProperty("data").GetProperty("alerts")[0];

        Assert.Equal("doc", alert.GetProperty("kind").GetString());
        Assert.Equal("local", alert.GetProperty("stream").GetString());
        Assert.Equal("api_spec.md", alert.GetProperty("path").GetString());
        Assert.Equal("modified", alert.GetProperty("change").GetString());
        Assert.Equal("renamed", alert.GetProperty("changes")[0].GetProperty("kind").GetString());
        Assert.Equal(repo.Git("hash-object", "api_spec.md"), alert.GetProperty("to").GetString());
    }

    public static long AlertId(string output) =>
        long.Parse(AlertNumber().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"alert #(\d+)")]
    private static partial Regex AlertNumber();
}
