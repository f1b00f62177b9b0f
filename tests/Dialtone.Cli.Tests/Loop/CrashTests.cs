using System.Text.Json;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// A command killed at any instant of a write (DIALTONE_CRASH_AT stops the process there, as kill -9
/// would) leaves the store and the record agreeing once the next command has run: either the change
/// is in neither, or the next command puts the record back in step with the store and says so.
/// </summary>
public sealed class CrashTests
{
    public static TheoryData<string> Points => ["before-store-commit", "after-store-commit", "after-record-write"];

    [Theory]
    [MemberData(nameof(Points))]
    public void ASignKilledAnywhere_LeavesStoreAndRecordAgreeing(string point)
    {
        using var repo = new TempRepo();
        Story.StartWith(repo, "crash-sign", "step", "true");
        Story.Ok(repo, "ticket", "next");

        var killed = Cli.Run(repo.Path_, new Dictionary<string, string?> { ["DIALTONE_CRASH_AT"] = point }, "ticket", "log", Story.SignText("step"));

        Assert.NotEqual(0, killed.ExitCode);
        var next = Story.Ok(repo, "ticket", "status");
        var once = Story.Ok(repo, "ticket", "status");
        Assert.Equal(point == "after-store-commit", next.StdOut.Contains("Repaired the ticket record of crash-sign (revision", StringComparison.Ordinal));
        Assert.DoesNotContain("Repaired", once.StdOut, StringComparison.Ordinal);
        AssertAgree(repo, "crash-sign");
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void ADoneKilledAnywhere_LeavesStoreAndRecordAgreeing(string point)
    {
        using var repo = new TempRepo();
        Story.StartWith(repo, "crash-done", "step", "true");
        Story.PassAndSign(repo, "step");
        Story.Ok(repo, "ticket", "validate");

        var killed = Cli.Run(repo.Path_, new Dictionary<string, string?> { ["DIALTONE_CRASH_AT"] = point }, "ticket", "done", "--tip", "Run the tests with -c Release before signing.");

        Assert.NotEqual(0, killed.ExitCode);
        var (status, record) = AssertAgree(repo, "crash-done");

        // Whatever the instant, done either happened in both or in neither; finishing it works.
        if (status != "done")
        {
            Story.Ok(repo, "ticket", "done", "--tip", "Run the tests with -c Release before signing.");
            (status, record) = AssertAgree(repo, "crash-done");
        }

        Assert.Equal("done", status);
        Assert.Equal("done", record.GetProperty("status").GetString());
        Assert.Equal(record.GetProperty("tip").GetString(), record.GetProperty("done").GetProperty("tip").GetString());
    }

    /// <summary>Runs `ticket status` (the next command) and compares the store's view with the record's.</summary>
    private static (string Status, JsonElement Record) AssertAgree(TempRepo repo, string ticket)
    {
        var next = Cli.Run(repo.Path_, "--json", "ticket", "show", ticket);
        Assert.True(next.ExitCode == 0, next.ToString());
        var stored = next.Json.GetProperty("data").GetProperty("ticket");
        var record = Story.Record(repo, ticket);

        Assert.Equal(stored.GetProperty("revision").GetInt64(), record.GetProperty("revision").GetInt64());
        Assert.Equal(stored.GetProperty("status").GetString(), record.GetProperty("status").GetString());
        Assert.Equal(
            stored.GetProperty("subtasks").EnumerateArray().Select(s => s.GetProperty("status").GetString()),
            record.GetProperty("subtasks").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(repo.Path_, ".dialtone", "tickets"), "*.tmp"));
        return (stored.GetProperty("status").GetString()!, record);
    }
}
