using Dialtone.Core.Workflow;

namespace Dialtone.Core.Tests.Loop;

public sealed class SummaryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("TODO")]
    [InlineData("todo")]
    [InlineData("wip")]
    [InlineData("TBD")]
    [InlineData("n/a")]
    [InlineData("...")]
    [InlineData("..................")]
    [InlineData("update")]
    [InlineData("short one")]
    [InlineData("<what is done, what is next>")]
    [InlineData("[summary goes here please]")]
    [InlineData("TODO: fill this in later")]
    [InlineData("wip. will write it up")]
    [InlineData("Lorem ipsum dolor sit amet, consectetur")]
    public void Placeholders_DoNotCount(string? text)
    {
        Assert.True(SummaryRules.IsPlaceholder(text), $"\"{text}\" says nothing about the work");
    }

    [Theory]
    [InlineData("Parsing works and is tested; next: write the record atomically.")]
    [InlineData("Signed hello-file; next: validate the ticket.")]
    [InlineData("WIP: the parser is done, next the writer and its tests")]
    [InlineData("Done:\n- parser\n- writer\nNext: the CLI command")]
    public void RealSummaries_Count(string text)
    {
        Assert.False(SummaryRules.IsPlaceholder(text), $"\"{text}\" is a real summary");
    }

    [Fact]
    public void Stale_AfterMaxAge_SinceTheLastSummary()
    {
        var created = Now.AddHours(-3);

        Assert.True(SummaryRules.IsStale(Now.AddMinutes(-11), created, Now, 10));
        Assert.False(SummaryRules.IsStale(Now.AddMinutes(-9), created, Now, 10));
        Assert.False(SummaryRules.IsStale(Now.AddMinutes(-10), created, Now, 10), "exactly at the limit is still fresh");
    }

    [Fact]
    public void WithoutASummary_TheTicketsStartCounts()
    {
        Assert.False(SummaryRules.IsStale(null, Now.AddMinutes(-5), Now, 10), "a fresh ticket gets its first maxAge minutes");
        Assert.True(SummaryRules.IsStale(null, Now.AddMinutes(-15), Now, 10));
    }

    [Fact]
    public void ZeroMaxAge_TurnsTheCheckOff()
    {
        Assert.False(SummaryRules.IsStale(null, Now.AddDays(-30), Now, 0));
        Assert.False(SummaryRules.IsStale(Now.AddDays(-30), Now.AddDays(-31), Now, 0));
    }

    [Fact]
    public void FractionalMaxAge_IsHonoured()
    {
        // 0.01 minutes is 600 ms: the e2e tests use it to make a summary stale without waiting minutes.
        Assert.True(SummaryRules.IsStale(Now.AddMilliseconds(-700), Now.AddHours(-1), Now, 0.01));
        Assert.False(SummaryRules.IsStale(Now.AddMilliseconds(-500), Now.AddHours(-1), Now, 0.01));
    }
}
