using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Memory;

/// <summary>`ticket import`: archived subtasks come into the current ticket as todo, whole or one by one, never twice.</summary>
public sealed class ImportTests
{
    [Fact]
    public void Import_CopiesDescriptionConditionsAndTest_AsTodo()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);
        Ok(repo, "ticket", "start", "stripe-disputes");

        var import = Ok(repo, "ticket", "import", "stripe-webhook-signature/verify-signature");

        Assert.Equal("[ticket] Imported 1 subtask into 'stripe-disputes' as todo (1 in all):", import.Lines.First());
        Assert.Equal("[ACTION] ./dialtone.sh ticket next", import.Lines.Last());
        var subtask = Subtask(Ok(repo, "--json", "ticket", "show"), "verify-signature");
        Assert.Equal("Compute the HMAC of the raw body and compare it with the Stripe-Signature header", subtask.GetProperty("description").GetString());
        Assert.Equal(["SignatureVerifierTests pass"], subtask.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("dotnet test --filter SignatureVerifier", subtask.GetProperty("test").GetString());
        Assert.Equal("todo", subtask.GetProperty("status").GetString());
        Assert.Equal("verify-signature", Record(repo, "stripe-disputes").GetProperty("subtasks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void ImportingAWholeTicket_BringsEverySubtask_AndTheirDependencies()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);
        Ok(repo, "ticket", "start", "stripe-disputes");

        Ok(repo, "ticket", "import", "stripe-webhook-signature", "csv-export-reports/csv-writer");

        var subtasks = Ok(repo, "--json", "ticket", "show").Json.GetProperty("data").GetProperty("ticket").GetProperty("subtasks").EnumerateArray().ToList();
        Assert.Equal(["verify-signature", "reject-stale-events", "csv-writer"], subtasks.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["verify-signature"], subtasks[1].GetProperty("deps").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void AnImportedSubtaskWithoutItsDependency_LosesIt_AndSaysSo()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);
        Ok(repo, "ticket", "start", "stale-events");

        var import = Ok(repo, "ticket", "import", "stripe-webhook-signature/reject-stale-events");

        Assert.Contains("[WARN] Dependencies on subtasks that were not imported were dropped: reject-stale-events → verify-signature.", import.Lines);
        Assert.Empty(Subtask(Ok(repo, "--json", "ticket", "show"), "reject-stale-events").GetProperty("deps").EnumerateArray());
    }

    [Fact]
    public void Import_RefusesDuplicates_AndImportsNothing()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);
        Ok(repo, "ticket", "start", "stripe-disputes");
        Ok(repo, "ticket", "import", "stripe-webhook-signature/verify-signature");

        var again = Expect(2, repo, "ticket", "import", "stripe-webhook-signature/verify-signature");
        var whole = Expect(2, repo, "ticket", "import", "stripe-webhook-signature");

        Assert.StartsWith("[FAIL] Nothing imported: 'stripe-disputes' already has a subtask 'verify-signature' (stripe-webhook-signature/verify-signature).", again.Lines.First(), StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket subtask list", again.Lines.Last());
        Assert.Equal("[ACTION] ./dialtone.sh ticket import stripe-webhook-signature/reject-stale-events", whole.Lines.Last());
        var names = Ok(repo, "--json", "ticket", "show").Json.GetProperty("data").GetProperty("ticket").GetProperty("subtasks").EnumerateArray().Select(s => s.GetProperty("name").GetString());
        Assert.Equal(["verify-signature"], names);
    }

    [Theory]
    [InlineData("no-such-ticket", "[FAIL] There is no archived ticket 'no-such-ticket'.", "[ACTION] ./dialtone.sh ticket search \"no such ticket\"")]
    [InlineData("helm-chart/no-such-step", "[FAIL] Archived ticket 'helm-chart' has no subtask 'no-such-step' (it has: chart-lint).", "[ACTION] ./dialtone.sh ticket import helm-chart/chart-lint")]
    [InlineData("Bad/Name", "[FAIL] Invalid ticket name 'Bad'", "[ACTION] ./dialtone.sh ticket import previous-stripe-plugin/verify-signature")]
    public void Import_OfWhatIsNotArchived_IsBadInput(string reference, string failure, string action)
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);
        Ok(repo, "ticket", "start", "anything");

        var import = Expect(2, repo, "ticket", "import", reference);

        Assert.StartsWith(failure, import.Lines.First(), StringComparison.Ordinal);
        Assert.Equal(action, import.Lines.Last());
    }

    [Fact]
    public void Import_WithoutACurrentTicket_IsBadInput()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);

        var import = Expect(2, repo, "ticket", "import", "helm-chart");

        Assert.Equal("[FAIL] No ticket on branch 'main'.", import.Lines.First());
    }

    [Fact]
    public void AnImportedSubtask_BringsItsTicketsTip_ToNext()
    {
        using var repo = new TempRepo();
        Archives.Shop(repo);
        Ok(repo, "ticket", "start", "k8s-autoscaling");
        Ok(repo, "ticket", "import", "helm-chart/chart-lint");
        Ok(repo, "ticket", "subtask", "edit", "chart-lint", "--test", "true");

        var next = Ok(repo, "ticket", "next");

        Assert.Contains("[TIP] From 'helm-chart': Set resource requests, or the HPA has nothing to scale on.", next.Lines);
        Assert.Contains("  'chart-lint' was imported from helm-chart/chart-lint", next.Lines);
    }
}
