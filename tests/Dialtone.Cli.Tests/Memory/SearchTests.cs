using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Memory;

/// <summary>`ticket search`: the archive ranked by the relevance query, on any branch.</summary>
public sealed class SearchTests
{
    [Fact]
    public void Search_RanksTheArchive_WithReasonsSubtasksAndTips()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);

        var search = Ok(repo, "ticket", "search", "stripe webhook signature");

        var lines = search.Lines.ToList();
        Assert.Equal("[ticket] 1 of 4 archived tickets match \"stripe webhook signature\" (terms: stripe webhook signature):", lines[0]);
        Assert.StartsWith("  1. stripe-webhook-signature [similar]: Verify Stripe webhook signatures", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("     shared terms: signature, stripe, webhook (relevance 100%)", lines[2], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("[CONTEXT] 2 related archived subtasks; import into the current ticket with: ./dialtone.sh ticket import stripe-webhook-signature/", StringComparison.Ordinal));
        Assert.Contains($"[TIP] From 'stripe-webhook-signature': {Archives.StripeTip}", lines);
    }

    [Fact]
    public void Search_Json_ListsTicketsAndTheQuery()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);

        var data = Ok(repo, "--json", "ticket", "search", "CSV export for accounting").Json.GetProperty("data");

        Assert.Equal(["csv", "export", "accounting"], data.GetProperty("query").GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(4, data.GetProperty("archived").GetInt64());
        Assert.Equal("csv-export-reports", data.GetProperty("tickets")[0].GetProperty("ticket").GetString());
    }

    [Fact]
    public void Search_WithoutAMatch_SaysSo()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);

        var search = Ok(repo, "ticket", "search", "recipe allergens");

        Assert.Equal(["[ticket] No archived ticket matches \"recipe allergens\" (terms: recipe allergen); 4 archived."], search.Lines);
    }

    [Theory]
    [InlineData("the and of")]
    [InlineData("   ")]
    public void Search_ForNothingSearchable_IsBadInput(string query)
    {
        using var repo = new TempRepo();

        var search = Expect(2, repo, "ticket", "search", query);

        Assert.StartsWith("[FAIL] Nothing to search for", search.Lines.First(), StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] ./dialtone.sh ticket search ", search.Lines.Last(), StringComparison.Ordinal);
    }
}
