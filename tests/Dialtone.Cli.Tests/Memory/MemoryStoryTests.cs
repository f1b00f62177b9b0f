using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Memory;

/// <summary>
/// Memory end to end: a ticket done in this repository is archived, and a later, related
/// `ticket start` shows [ALERT], [CONTEXT] with the import command, and [TIP]; an unrelated one shows nothing.
/// </summary>
public sealed class MemoryStoryTests
{
    [Fact]
    public void Done_Archives_AndALaterStart_ShowsAlertContextAndTip()
    {
        using var repo = new TempRepo();
        var done = Archives.StripePluginThroughTheCli(repo);
        Assert.Contains("[ticket] Archived 'previous-stripe-plugin' for later tickets: 1 subtask, 1 changed file, its runs, log, summary and tip.", done.Lines);

        var start = Ok(repo, "ticket", "start", "stripe-refund-webhooks", "--desc", "Handle refund webhooks from Stripe");

        var lines = start.Lines.ToList();
        Assert.Equal("[ticket] Started: stripe-refund-webhooks", lines[0]);
        var alert = lines.IndexOf("[ALERT] Similar patterns found in 'previous-stripe-plugin'.");
        Assert.True(alert > lines.FindLastIndex(l => l.StartsWith("[SCHEMA]", StringComparison.Ordinal)), start.ToString());
        Assert.StartsWith("  shared terms: stripe, webhook (relevance ", lines[alert + 1], StringComparison.Ordinal);
        Assert.Equal("[CONTEXT] Found 1 related subtask in DuckDB archives. Would you like to import it? ./dialtone.sh ticket import previous-stripe-plugin/verify-signature", lines[alert + 2]);
        Assert.StartsWith("  previous-stripe-plugin/verify-signature: Verify the Stripe-Signature header of webhooks (test: grep -q secret src/Stripe/Webhook.cs", lines[alert + 3], StringComparison.Ordinal);
        Assert.Equal($"[TIP] From 'previous-stripe-plugin': {Archives.StripeTip}", lines[alert + 4]);
        Assert.StartsWith("[ACTION] ./dialtone.sh ticket subtask add", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void TheJsonAnswer_CarriesTheFindings()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);

        var start = Ok(repo, "--json", "ticket", "start", "stripe-dispute-webhooks", "--desc", "Handle Stripe dispute webhooks and check their signature");

        var memory = start.Json.GetProperty("data").GetProperty("memory");
        var best = memory.GetProperty("similar")[0];
        Assert.Equal("stripe-webhook-signature", best.GetProperty("ticket").GetString());
        Assert.Contains("signature", best.GetProperty("sharedTerms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(
            "./dialtone.sh ticket import stripe-webhook-signature/verify-signature stripe-webhook-signature/reject-stale-events",
            memory.GetProperty("importCommand").GetString());
        Assert.Equal(Archives.StripeTip, memory.GetProperty("tips")[0].GetProperty("tip").GetString());
    }

    [Fact]
    public void AnUnrelatedStart_ShowsNothing_AndNeitherDoesAResume()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);

        var unrelated = Ok(repo, "--json", "ticket", "start", "recipe-nutrition-labels", "--desc", "Show calories and allergens on each recipe card");

        var tags = unrelated.Json.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("tag").GetString()).ToList();
        Assert.DoesNotContain("alert", tags);
        Assert.DoesNotContain("context", tags);
        Assert.DoesNotContain("tip", tags);
        Assert.False(unrelated.Json.GetProperty("data").TryGetProperty("memory", out _));

        Ok(repo, "ticket", "start", "stripe-signature-rotation", "--desc", "Rotate the Stripe webhook signature secret");
        repo.Commit("record");
        var resumed = Ok(repo, "ticket", "start", "stripe-signature-rotation");
        Assert.Contains("(resumed;", resumed.Lines.First(), StringComparison.Ordinal);
        Assert.DoesNotContain(resumed.Lines, l => l.StartsWith("[ALERT]", StringComparison.Ordinal) || l.StartsWith("[CONTEXT]", StringComparison.Ordinal));
    }

    [Fact]
    public void FilesTheWorkTreeChanged_MatchTheTicketThatChangedThemToo()
    {
        using var repo = new TempRepo();
        Archives.StripePluginThroughTheCli(repo);
        repo.Write("src/Stripe/Webhook.cs", "// edited before starting\n");

        var start = Ok(repo, "ticket", "start", "tidy-up");

        Assert.Contains("[ALERT] Similar patterns found in 'previous-stripe-plugin'.", start.Lines);
        Assert.Contains(start.Lines, l => l.StartsWith("  shared files: src/Stripe/Webhook.cs (relevance ", StringComparison.Ordinal));
    }

    [Fact]
    public void Next_ShowsTheTipOfAnArchivedTwin_OnceWhenWorkStarts()
    {
        using var repo = new TempRepo();
        Archives.StripePluginThroughTheCli(repo);
        Ok(repo, "ticket", "start", "stripe-refunds");
        Ok(repo, "ticket", "subtask", "add", "check-webhook-signature", "--desc", "Verify the Stripe-Signature header of refund webhooks",
            "--condition", "the command exits 0", "--test", "true");

        var first = Ok(repo, "ticket", "next");
        var again = Ok(repo, "ticket", "next");

        Assert.Contains($"[TIP] From 'previous-stripe-plugin': {Archives.StripeTip}", first.Lines);
        Assert.Contains(first.Lines, l => l.StartsWith("  'check-webhook-signature' is like archived previous-stripe-plugin/verify-signature (shared terms: ", StringComparison.Ordinal));
        Assert.DoesNotContain(again.Lines, l => l.StartsWith("[TIP]", StringComparison.Ordinal));
    }

    [Fact]
    public void Next_ShowsNoTip_ForASubtaskUnlikeAnyArchivedOne()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);
        StartWith(repo, "recipes", "nutrition-table", "true", "the table lists calories");

        var next = Ok(repo, "ticket", "next");

        Assert.DoesNotContain(next.Lines, l => l.StartsWith("[TIP]", StringComparison.Ordinal));
    }

    [Fact]
    public void ADamagedArchive_WarnsButNeitherStartNorDoneFail()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);
        using (var store = Dialtone.Core.Storage.Store.Open(Dialtone.Core.Storage.StorePaths.ForCommonDir(Path.Combine(repo.Path_, ".git"))))
        {
            store.Connection.Execute("DROP TABLE archive_terms");
        }

        var start = Ok(repo, "ticket", "start", "stripe-disputes", "--desc", "Handle Stripe dispute webhooks");
        AddSubtask(repo, "step", "true");
        PassAndSign(repo, "step");
        var done = Ok(repo, "ticket", "done", "--tip", "The archive was broken in this test.");

        Assert.Contains(start.Lines, l => l.StartsWith("[WARN] Could not search the archive (", StringComparison.Ordinal));
        Assert.StartsWith("[ACTION] ./dialtone.sh ticket subtask add", start.Lines.Last(), StringComparison.Ordinal);
        Assert.Contains(done.Lines, l => l.StartsWith("[WARN] 'stripe-disputes' is done, but archiving it failed (", StringComparison.Ordinal));
        Assert.Equal("done", Record(repo, "stripe-disputes").GetProperty("status").GetString());
    }

    [Fact]
    public void Stats_AfterTheStory_CountWhatHappened()
    {
        using var repo = new TempRepo();
        Archives.StripePluginThroughTheCli(repo);

        var stats = Ok(repo, "--json", "stats");

        var data = stats.Json.GetProperty("data").GetProperty("stats");
        var totals = data.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("doneTickets").GetInt64());
        Assert.Equal(0, totals.GetProperty("openTickets").GetInt64());
        Assert.Equal(2, totals.GetProperty("runs").GetInt64()); // the `next` that passed, and validation's re-run
        Assert.Equal(2, totals.GetProperty("passedRuns").GetInt64());
        var ticket = data.GetProperty("tickets")[0];
        Assert.Equal("previous-stripe-plugin", ticket.GetProperty("ticket").GetString());
        Assert.True(ticket.GetProperty("cycleMs").GetInt64() >= 0);
        Assert.StartsWith("[ticket] Store: 1 done, 0 open, 1 subtask; 2 runs (2 passed, 0 failed), 0 regressions; median cycle time ", Ok(repo, "stats").Lines.First(), StringComparison.Ordinal);
    }
}
