using Dialtone.Core.Memory;

namespace Dialtone.Core.Tests.Memory;

/// <summary>
/// The relevance query and rules on fifty realistic archived tickets: for a new ticket's name and
/// description (and files), the ticket it is really about ranks first; an unrelated one finds nothing.
/// </summary>
public sealed class RelevanceTests(FixtureStore fixture) : IClassFixture<FixtureStore>
{
    private Findings Find(string name, string description, params string[] files)
    {
        using var store = fixture.Open();
        var query = MemoryQuery.From([name, description], files);
        return RelevanceRules.Select(store.Archive.Candidates(query), query);
    }

    private static string Explain(Findings findings) =>
        string.Join("; ", findings.Similar.Select(c => $"{c.Ticket} score {c.Score:0.00} cov {c.Coverage:0.00} [{string.Join(',', c.SharedTerms)}] [{string.Join(',', c.SharedFiles)}]"))
        + " | subtasks: " + string.Join(", ", findings.Subtasks.Select(s => s.Reference));

    [Theory]
    [InlineData("stripe-dispute-webhooks", "Handle Stripe dispute webhooks and check their signature", "stripe-webhook-signature")]
    [InlineData("totp-backup-codes", "Let users regenerate their two-factor backup codes", "two-factor-totp")]
    [InlineData("github-login-scopes", "Request the read:org scope when signing in with GitHub", "oauth-github-login")]
    [InlineData("csv-export-excel-accents", "Excel shows garbled accents when opening the CSV export", "csv-export-reports")]
    [InlineData("api-429-errors", "The RateLimiter answers 500 instead of 429 for busy API keys", "api-rate-limiting")]
    [InlineData("thumbnail-rotation", "Portrait photos come out sideways from ThumbnailGenerator.cs", "image-thumbnails")]
    [InlineData("webhook-delivery-backoff", "Outgoing webhook deliveries retry too aggressively", "webhook-retries")]
    public void TheTicketItIsAbout_RanksFirst(string name, string description, string expected)
    {
        var findings = Find(name, description);

        Assert.True(findings.Similar.Count > 0 && findings.Similar[0].Ticket == expected, $"expected {expected} first; got {Explain(findings)}");
        Assert.Contains(findings.Subtasks, s => s.Ticket == expected);
    }

    [Fact]
    public void FilesTheBranchTouched_FindTheTicketThatTouchedThemToo()
    {
        var findings = Find("invoice-rounding", "Totals are off by one cent", "src/Billing/InvoiceTotals.cs");

        var best = Assert.Single(findings.Similar.Take(1));
        Assert.Equal("invoice-pdf-rendering", best.Ticket);
        Assert.Contains("src/Billing/InvoiceTotals.cs", best.SharedFiles);
        Assert.Equal("invoice-totals", findings.Subtasks[0].Subtask);
    }

    [Fact]
    public void AFileNameInTheDescription_MatchesTheArchivedPath_AndShowsIt()
    {
        var findings = Find("rounding-bug", "Totals in InvoiceTotals.cs are off by one cent");

        Assert.Equal("invoice-pdf-rendering", findings.Similar[0].Ticket);
        Assert.Equal(["src/Billing/InvoiceTotals.cs"], findings.Similar[0].SharedFiles);
    }

    [Fact]
    public void AMatch_SaysWhy_AndBringsItsTip()
    {
        var findings = Find("stripe-dispute-webhooks", "Handle Stripe dispute webhooks and check their signature");

        var best = findings.Similar[0];
        Assert.Contains("stripe", best.SharedTerms);
        Assert.Contains("webhook", best.SharedTerms);
        Assert.Contains(("stripe-webhook-signature", "Remember to escape the webhook secret."), findings.Tips);
        Assert.Equal("./dialtone.sh ticket import " + string.Join(' ', findings.Subtasks.Select(s => s.Reference)), findings.ImportCommand);
        Assert.Contains(findings.Subtasks, s => s.Reference == "stripe-webhook-signature/verify-signature");
    }

    [Theory]
    [InlineData("recipe-nutrition-labels", "Show calories and allergens on each recipe card")]
    [InlineData("fix-typo-in-readme", "Correct a typo in the README")]
    [InlineData("bump-version", "Release 2.4.1")]
    [InlineData("onboarding-tour", "A guided tour for first-time visitors of the storefront")]
    public void AnUnrelatedTicket_FindsNothing(string name, string description)
    {
        var findings = Find(name, description);

        Assert.True(findings.IsEmpty, Explain(findings));
        Assert.Empty(findings.Tips);
    }

    [Fact]
    public void TheTipTwin_OfASubtask_IsItsArchivedTwinOnly()
    {
        using var store = fixture.Open();
        var archive = store.Archive;

        var twin = MemoryQuery.ForSubtask("backup-codes", "Generate single-use backup codes and store them hashed", ["BackupCodes tests pass"]);
        var stranger = MemoryQuery.ForSubtask("render-map", "Draw the delivery area on a map", ["the map shows the area"]);

        var found = RelevanceRules.TipTwin(archive.Candidates(twin, tickets: 1, subtasks: 5), twin);
        Assert.NotNull(found);
        Assert.Equal("two-factor-totp/backup-codes", found.Reference);
        Assert.Equal("Hash backup codes like passwords; show them once.", found.Tip);
        Assert.Null(RelevanceRules.TipTwin(archive.Candidates(stranger, tickets: 1, subtasks: 5), stranger));
    }

    [Fact]
    public void ScoresAreBm25_RarerSharedTermsCountMore()
    {
        using var store = fixture.Open();
        var archive = store.Archive;

        // "dotnet" is in one ticket's description area only through its name; "upgrade" is in two tickets.
        var query = MemoryQuery.From(["saml"], []);
        var candidates = archive.Candidates(query);

        var saml = Assert.Single(candidates, c => c.IsTicket);
        Assert.Equal("saml-sso", saml.Ticket);
        Assert.Equal(1.0, saml.Coverage, 3);
        Assert.True(saml.Score > 0);
    }
}
