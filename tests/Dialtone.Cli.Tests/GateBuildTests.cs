using Dialtone.Tests;

namespace Dialtone.Cli.Tests;

/// <summary>`dialtone gate build`: the MSBuild gate's verdict from the command line.</summary>
public sealed class GateBuildTests
{
    [Fact]
    public void UnvalidatedThenValidatedThenChanged()
    {
        using var repo = new TempRepo();
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "start", "gated").ExitCode);
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "subtask", "add", "one", "--desc", "d", "--condition", "exits 0", "--test", "true").ExitCode);
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "next").ExitCode);
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "log", "SIGN: one test-command is idempotent and PASS").ExitCode);

        var unvalidated = Cli.Run(repo.Path_, "gate", "build");
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "validate").ExitCode);
        var validated = Cli.Run(repo.Path_, "--json", "gate", "build");
        repo.Write("README.md", "changed after validation\n");
        var changed = Cli.Run(repo.Path_, "gate", "build");

        Assert.True(unvalidated.ExitCode == 1, unvalidated.ToString());
        Assert.StartsWith("[BLOCK] DT0001: Ticket 'gated' is not validated.", unvalidated.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] ./dialtone.sh ticket validate\n", unvalidated.StdOut, StringComparison.Ordinal);
        Assert.True(validated.ExitCode == 0, validated.ToString());
        Assert.True(validated.Json.GetProperty("data").GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.True(changed.ExitCode == 1, changed.ToString());
        Assert.Contains("DT0002", changed.StdOut, StringComparison.Ordinal);
        Assert.Contains("changed: README.md", changed.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordMovedAside_DoesNotSwitchTheBuildGateOff()
    {
        using var repo = new TempRepo();
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "start", "hidden").ExitCode);
        var record = Path.Combine(repo.Path_, ".dialtone", "tickets", "hidden.json");
        File.Move(record, repo.Sibling("hidden.json"));

        var gate = Cli.Run(repo.Path_, "gate", "build");

        Assert.True(gate.ExitCode == 1, gate.ToString());
        Assert.Contains("DT0004: Ticket 'hidden' has no record at .dialtone/tickets/hidden.json.", gate.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void NoTicketBranch_Passes()
    {
        using var repo = new TempRepo();

        var result = Cli.Run(repo.Path_, "gate", "build");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("[PASS] Branch 'main' has no ticket record", result.StdOut, StringComparison.Ordinal);
    }
}
