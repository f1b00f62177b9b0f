using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>The working summary (nexttone "Summary freshness"): stale blocks `next`, a real update unblocks it.</summary>
public sealed class SummaryTests
{
    [Fact]
    public async Task AStaleSummary_BlocksNext_AndARealUpdateUnblocksIt()
    {
        using var repo = new TempRepo();
        // 0.04 minutes is 2.4 s: long enough for update + next on a loaded machine, short enough to wait out.
        WriteConfig(repo, "{\"summary\": {\"maxAgeMinutes\": 0.04}}");
        StartWith(repo, "long-haul", "step", "true");
        Ok(repo, "ticket", "summary", "update", "Started the ticket; next: make step pass.");
        await Task.Delay(TimeSpan.FromSeconds(2.6));

        var blocked = Expect(1, repo, "ticket", "next");

        Assert.StartsWith("[BLOCK] The working summary is stale: last updated", blocked.Lines.First(), StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] ./dialtone.sh ticket summary update", blocked.Lines.Last(), StringComparison.Ordinal);
        Assert.DoesNotContain(blocked.Lines, l => l.StartsWith("[PASS]", StringComparison.Ordinal));

        var update = Ok(repo, "ticket", "summary", "update", "Step is implemented; next: sign it and validate.");
        Assert.Equal("[ACTION] ./dialtone.sh ticket next", update.Lines.Last());
        var next = Ok(repo, "ticket", "next");
        Assert.Contains(next.Lines, l => l.StartsWith("[PASS] Subtask 'step'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATicketWithoutAnySummary_IsBlockedOnceTheGraceRunsOut()
    {
        using var repo = new TempRepo();
        WriteConfig(repo, "{\"summary\": {\"maxAgeMinutes\": 0.01}}");
        StartWith(repo, "never-summarised", "step", "true");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var blocked = Expect(1, repo, "ticket", "next");

        Assert.StartsWith("[BLOCK] No working summary yet", blocked.Lines.First(), StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] ./dialtone.sh ticket summary update", blocked.Lines.Last(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TODO")]
    [InlineData("<what is done, what is next>")]
    public void APlaceholderSummary_IsRefused_WithExitTwo(string placeholder)
    {
        using var repo = new TempRepo();
        Ok(repo, "ticket", "start", "lazy");

        var refused = Expect(2, repo, "ticket", "summary", "update", placeholder);
        var shown = Ok(repo, "--json", "ticket", "summary");

        Assert.StartsWith("[FAIL] That summary is empty or a placeholder", refused.Lines.First(), StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] ./dialtone.sh ticket summary update \"", refused.Lines.Last(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, shown.Json.GetProperty("data").GetProperty("summary").ValueKind);
    }

    [Fact]
    public void Summary_ShowsTheLatestText()
    {
        using var repo = new TempRepo();
        Ok(repo, "ticket", "start", "chatty");
        Ok(repo, "ticket", "summary", "update", "First version of the summary text.");
        Ok(repo, "ticket", "summary", "update", "Parser done and tested; next: the writer.");

        var shown = Ok(repo, "ticket", "summary");
        var json = Ok(repo, "--json", "ticket", "summary");

        Assert.StartsWith("[ticket] Summary of 'chatty', written 0 minutes ago", shown.Lines.First(), StringComparison.Ordinal);
        Assert.Contains("  Parser done and tested; next: the writer.", shown.Lines);
        Assert.DoesNotContain("First version", shown.StdOut, StringComparison.Ordinal);
        Assert.Equal("Parser done and tested; next: the writer.", json.Json.GetProperty("data").GetProperty("summary").GetString());
        Assert.False(json.Json.GetProperty("data").GetProperty("stale").GetBoolean());
    }
}
