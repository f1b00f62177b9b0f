using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>A test run inside `ticket grant … -- ./dialtone.sh ticket next` never stores the secret.</summary>
public sealed class GrantedRunTests
{
    [Fact]
    public void OutputOfATestRunInsideAGrant_IsMaskedBeforeItIsStored()
    {
        using var repo = new TempRepo();
        const string secret = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "start", "granted").ExitCode);
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "subtask", "add", "uses-key", "--desc", "d", "--condition", "exits 0", "--test", "echo \"key=$STRIPE_API_KEY\"").ExitCode);

        // What an enclosing grant puts in the environment of its command.
        var environment = new Dictionary<string, string?> { ["STRIPE_API_KEY"] = secret, ["DIALTONE_GRANT_ENV"] = "STRIPE_API_KEY" };
        var next = Cli.Run(repo.Path_, environment, "--json", "ticket", "next");

        Assert.True(next.ExitCode == 0, next.ToString());
        var tail = next.Json.GetProperty("data").GetProperty("run").GetProperty("outputTail").GetString();
        Assert.Equal("key=<redacted:STRIPE_API_KEY>", tail);
        var store = File.ReadAllBytes(Path.Combine(repo.Path_, ".git", "dialtone", "dialtone.duckdb"));
        Assert.Equal(-1, store.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)));
    }
}
