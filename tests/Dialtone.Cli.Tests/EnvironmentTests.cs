using Dialtone.Tests;

namespace Dialtone.Cli.Tests;

public sealed class EnvironmentTests
{
    [Fact]
    public void NoGitRepository_ExitsThree()
    {
        using var plain = new TempRepo(init: false);

        var result = Cli.Run(plain.Path_, "ticket", "status");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("is not inside a git repository", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("[ACTION] git init", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void GitMissingFromPath_ExitsThree()
    {
        using var repo = new TempRepo();
        var emptyBin = Directory.CreateDirectory(repo.Sibling("empty-bin")).FullName;

        var result = Cli.Run(repo.Path_, new Dictionary<string, string?> { ["PATH"] = emptyBin }, "ticket", "status");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("git was not found", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDuckDbLibrary_ExitsThree_WithTheFix()
    {
        using var repo = new TempRepo();

        var result = Cli.Run(repo.Path_, new Dictionary<string, string?> { ["DIALTONE_DUCKDB_LIB"] = "/nonexistent/libduckdb.so" }, "ticket", "status");

        Assert.True(result.ExitCode == 3, result.ToString());
        var fail = Assert.Single(result.Lines, l => l.StartsWith("[FAIL]", StringComparison.Ordinal));
        Assert.Contains("DIALTONE_DUCKDB_LIB", fail, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongDuckDbLibrary_ExitsThree()
    {
        using var repo = new TempRepo();
        var fake = repo.Write("not-a-library.so", "this is not an ELF file");

        var doctor = Cli.Run(repo.Path_, new Dictionary<string, string?> { ["DIALTONE_DUCKDB_LIB"] = fake }, "doctor");

        Assert.True(doctor.ExitCode == 3, doctor.ToString());
        Assert.Contains(doctor.Lines, l => l.StartsWith("[FAIL] libduckdb:", StringComparison.Ordinal));
        Assert.StartsWith("[ACTION]", doctor.Lines.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void Doctor_PassesInAHealthyRepository()
    {
        using var repo = new TempRepo();

        var result = Cli.Run(repo.Path_, "--json", "doctor");

        Assert.True(result.ExitCode == 0, result.ToString());
        var checks = result.Json.GetProperty("data").GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("check").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("pass", checks["git"]);
        Assert.Equal("pass", checks["repository"]);
        Assert.Equal("pass", checks["libduckdb"]);
        Assert.Equal("pass", checks["store"]);
        Assert.Equal("warn", checks["hooks"]);
    }

    [Fact]
    public void DashC_WorksFromOutside_AndJsonGoesAnywhere()
    {
        using var repo = new TempRepo();
        var outside = Directory.CreateDirectory(repo.Sibling("elsewhere")).FullName;

        var start = Cli.Run(outside, "-C", repo.Path_, "ticket", "start", "remote");
        var status = Cli.Run(outside, "ticket", "--json", "status", "-C", repo.Path_);

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal("remote", status.Json.GetProperty("data").GetProperty("ticket").GetProperty("name").GetString());
        Assert.Equal("ticket", status.Json.GetProperty("lines")[0].GetProperty("tag").GetString());
        Assert.Equal("remote", repo.Branch);
    }

    [Fact]
    public void Status_WithoutTicket_SaysHowToStart()
    {
        using var repo = new TempRepo();

        var result = Cli.Run(repo.Path_, "ticket", "status");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["[ticket] No ticket on branch 'main'.", "[ACTION] ./dialtone.sh ticket start <ticket-name>"], result.Lines);
    }

    [Fact]
    public void DetachedHead_HasNoCurrentTicket()
    {
        using var repo = new TempRepo();
        repo.Git("checkout", "-q", "--detach");

        var result = Cli.Run(repo.Path_, "ticket", "status");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("HEAD is detached", result.StdOut, StringComparison.Ordinal);
    }
}
