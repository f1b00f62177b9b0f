using Dialtone.Tests;

namespace Dialtone.Cli.Tests;

public sealed class RecordTests
{
    [Fact]
    public void FreshClone_ImportsTheCommittedRecord()
    {
        using var repo = new TempRepo();
        Cli.Run(repo.Path_, "ticket", "start", "shared-work", "--desc", "Work that travels");
        Cli.Run(repo.Path_, "ticket", "subtask", "add", "step-one", "--desc", "first", "--condition", "exits 0", "--test", "true");
        repo.Commit("ticket record");
        using var clone = repo.Clone("clone");
        clone.Git("switch", "-q", "shared-work");

        var status = Cli.Run(clone.Path_, "ticket", "status");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("[ticket] Current ticket: shared-work (0 of 1 subtasks done; current: step-one)", status.StdOut, StringComparison.Ordinal);
        var show = Cli.Run(clone.Path_, "--json", "ticket", "show");
        Assert.Equal("Work that travels", show.Json.GetProperty("data").GetProperty("ticket").GetProperty("description").GetString());
        Assert.True(File.Exists(Path.Combine(clone.Path_, ".git", "dialtone", "dialtone.duckdb")));
    }

    [Fact]
    public void PulledNewerRecord_ReplacesTheStoresCopy()
    {
        using var repo = new TempRepo();
        Cli.Run(repo.Path_, "ticket", "start", "pulled");
        repo.Commit("record v1");
        using var clone = repo.Clone("clone");
        clone.Git("switch", "-q", "pulled");
        Assert.Equal(0, Cli.Run(clone.Path_, "ticket", "status").ExitCode);

        Cli.Run(repo.Path_, "ticket", "subtask", "add", "from-upstream", "--desc", "d");
        repo.Commit("record v2");
        clone.Git("pull", "-q", "--ff-only");

        var list = Cli.Run(clone.Path_, "--json", "ticket", "subtask", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal("from-upstream", list.Json.GetProperty("data").GetProperty("subtasks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void CorruptRecord_IsReported_AndLeftUntouched()
    {
        using var repo = new TempRepo();
        Cli.Run(repo.Path_, "ticket", "start", "broken");
        Cli.Run(repo.Path_, "ticket", "subtask", "add", "kept", "--desc", "still in the store");
        const string garbage = "{ \"format\": 1, \"ticket\": \"broken\", oops";
        repo.Write(".dialtone/tickets/broken.json", garbage);

        var status = Cli.Run(repo.Path_, "ticket", "status");
        var add = Cli.Run(repo.Path_, "ticket", "subtask", "add", "another", "--desc", "x");

        Assert.Equal(2, status.ExitCode);
        Assert.StartsWith("[FAIL] The ticket record '.dialtone/tickets/broken.json' cannot be read: it is not valid JSON at line 1.", status.StdOut, StringComparison.Ordinal);
        Assert.Contains("[ACTION] git checkout -- .dialtone/tickets/broken.json", status.StdOut, StringComparison.Ordinal);
        Assert.Equal(2, add.ExitCode);
        Assert.Equal(garbage, repo.Read(".dialtone/tickets/broken.json"));
        Assert.DoesNotContain("   at ", status.StdOut + status.StdErr, StringComparison.Ordinal);

        // Moving it aside, as the action says, gets the store's copy back: nothing was lost.
        File.Move(Path.Combine(repo.Path_, ".dialtone/tickets/broken.json"), Path.Combine(repo.Path_, "broken.json.bak"));
        var recovered = Cli.Run(repo.Path_, "--json", "ticket", "subtask", "list");
        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        Assert.Equal("kept", recovered.Json.GetProperty("data").GetProperty("subtasks")[0].GetProperty("name").GetString());
        Assert.True(repo.Exists(".dialtone/tickets/broken.json"));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"format\": 99, \"ticket\": \"odd\", \"revision\": 1, \"branch\": \"odd\", \"status\": \"open\"}")]
    [InlineData("{\"format\": 1, \"ticket\": \"odd\", \"revision\": 1, \"branch\": \"odd\", \"status\": \"weird\"}")]
    [InlineData("{\"format\": 1, \"ticket\": \"other\", \"revision\": 1, \"branch\": \"odd\", \"status\": \"open\"}")]
    [InlineData("\u0000\u0001\u0002binary")]
    public void OddRecords_ExitTwo(string content)
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "odd");
        repo.Write(".dialtone/tickets/odd.json", content);

        var result = Cli.Run(repo.Path_, "ticket", "status");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("The ticket record '.dialtone/tickets/odd.json' cannot be read", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(content, repo.Read(".dialtone/tickets/odd.json"));
    }

    [Fact]
    public void RecordWrite_IsAtomic_NoTempFilesLeft()
    {
        using var repo = new TempRepo();
        Cli.Run(repo.Path_, "ticket", "start", "atomic");
        for (var i = 0; i < 3; i++)
        {
            Cli.Run(repo.Path_, "ticket", "subtask", "add", $"s{i}", "--desc", "d");
        }

        var files = Directory.GetFiles(Path.Combine(repo.Path_, ".dialtone", "tickets"));
        Assert.Equal([Path.Combine(repo.Path_, ".dialtone", "tickets", "atomic.json")], files);
    }
}
