using Dialtone.Cli.Commands;
using Dialtone.Core;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.Workflow;
using Dialtone.Tests;
using Microsoft.Extensions.Time.Testing;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// The working summary: stale blocks `next`, a real update unblocks it. Staleness is a matter of
/// time, so those stories run the use cases in process on a fake clock moved past the limit.
/// </summary>
public sealed class SummaryTests
{
    /// <summary>Runs a use case as the CLI does (errors become replies) and returns its lines as printed.</summary>
    private static List<string> Run(Func<Reply> useCase, int exitCode)
    {
        var reply = Handler.Execute(useCase);
        var lines = reply.Lines.Select(l => l.Tag == Tag.None ? l.Text : $"{TagText.Of(l.Tag)} {l.Text}").ToList();
        Assert.True(reply.ExitCode == exitCode, $"expected exit {exitCode}, got {reply.ExitCode}\n{string.Join('\n', lines)}");
        return lines;
    }

    [Fact]
    public void AStaleSummary_BlocksNext_AndARealUpdateUnblocksIt()
    {
        using var repo = new TempRepo();
        WriteConfig(repo, "{\"summary\": {\"maxAgeMinutes\": 10}}");
        StartWith(repo, "long-haul", "step", "true");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var workspace = Workspace.Discover(repo.Path_, time);
        Run(() => SummaryUpdateUseCase.Run(workspace, "Started the ticket; next: make step pass."), ExitCodes.Ok);
        time.Advance(TimeSpan.FromMinutes(11));

        var blocked = Run(() => NextUseCase.Run(workspace), ExitCodes.Blocked);

        Assert.StartsWith("[BLOCK] The working summary is stale: last updated", blocked.First(), StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] ./dialtone.sh ticket summary update", blocked.Last(), StringComparison.Ordinal);
        Assert.DoesNotContain(blocked, l => l.StartsWith("[PASS]", StringComparison.Ordinal));

        var update = Run(() => SummaryUpdateUseCase.Run(workspace, "Step is implemented; next: sign it and validate."), ExitCodes.Ok);
        Assert.Equal("[ACTION] ./dialtone.sh ticket next", update.Last());
        var next = Run(() => NextUseCase.Run(workspace), ExitCodes.Ok);
        Assert.Contains(next, l => l.StartsWith("[PASS] Subtask 'step'", StringComparison.Ordinal));
    }

    [Fact]
    public void ATicketWithoutAnySummary_IsBlockedOnceTheGraceRunsOut()
    {
        using var repo = new TempRepo();
        WriteConfig(repo, "{\"summary\": {\"maxAgeMinutes\": 10}}");
        StartWith(repo, "never-summarised", "step", "true");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(11));

        var blocked = Run(() => NextUseCase.Run(Workspace.Discover(repo.Path_, time)), ExitCodes.Blocked);

        Assert.StartsWith("[BLOCK] No working summary yet", blocked.First(), StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] ./dialtone.sh ticket summary update", blocked.Last(), StringComparison.Ordinal);
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
