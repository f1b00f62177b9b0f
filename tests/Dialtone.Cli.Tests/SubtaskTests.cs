using System.Text.Json;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests;

public sealed class SubtaskTests
{
    [Fact]
    public void SubtaskCrud_ThroughJson()
    {
        using var repo = new TempRepo();
        Cli.Run(repo.Path_, "ticket", "start", "crud");

        var add = Cli.Run(repo.Path_, "ticket", "subtask", "add", "parse-config", "--desc", "Parse the config", "--condition", "dotnet test exits 0", "--condition", "no warnings", "--test", "dotnet test", "--json");
        Assert.True(add.ExitCode == 0, add.ToString());
        var subtask = add.Json.GetProperty("data").GetProperty("subtask");
        Assert.Equal(["dotnet test exits 0", "no warnings"], subtask.GetProperty("conditions").EnumerateArray().Select(e => e.GetString()));
        Assert.True(subtask.GetProperty("current").GetBoolean());

        var second = Cli.Run(repo.Path_, "ticket", "subtask", "add", "write-record", "--desc", "Write it", "--deps", "parse-config");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("[WARN] Subtask 'write-record' is missing --condition, --test", second.StdOut, StringComparison.Ordinal);
        Assert.Contains("[ACTION] ./dialtone.sh ticket subtask edit write-record --condition", second.StdOut, StringComparison.Ordinal);

        var edit = Cli.Run(repo.Path_, "--json", "ticket", "subtask", "edit", "write-record", "--add-condition", "file exists", "--test", "test -f out.json");
        Assert.True(edit.ExitCode == 0, edit.ToString());
        Assert.Empty(edit.Json.GetProperty("data").GetProperty("subtask").GetProperty("missing").EnumerateArray());

        var list = Cli.Run(repo.Path_, "ticket", "subtask", "list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        var names = list.Json.GetProperty("data").GetProperty("subtasks").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["parse-config", "write-record"], names);
        Assert.Equal("ticket subtask list", list.Json.GetProperty("command").GetString());
        Assert.True(list.Json.GetProperty("ok").GetBoolean());

        var rmBlocked = Cli.Run(repo.Path_, "ticket", "subtask", "rm", "parse-config");
        Assert.Equal(2, rmBlocked.ExitCode);
        Assert.Contains("is a dependency of write-record", rmBlocked.StdOut, StringComparison.Ordinal);

        var rm = Cli.Run(repo.Path_, "ticket", "subtask", "rm", "write-record");
        Assert.True(rm.ExitCode == 0, rm.ToString());

        var record = JsonDocument.Parse(repo.Read(".dialtone/tickets/crud.json")).RootElement;
        Assert.Equal(2, record.GetProperty("format").GetInt32());
        Assert.Equal("parse-config", Assert.Single(record.GetProperty("subtasks").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(5, record.GetProperty("revision").GetInt64());
    }

    [Fact]
    public void Subtask_Errors_AreUsageErrors()
    {
        using var repo = new TempRepo();

        var noTicket = Cli.Run(repo.Path_, "ticket", "subtask", "add", "x", "--desc", "d");
        Assert.Equal(2, noTicket.ExitCode);
        Assert.Contains("[FAIL] No ticket on branch 'main'.", noTicket.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("[ACTION] ./dialtone.sh ticket start <ticket-name>\n", noTicket.StdOut, StringComparison.Ordinal);

        Cli.Run(repo.Path_, "ticket", "start", "errs");
        Assert.Equal(2, Cli.Run(repo.Path_, "ticket", "subtask", "add", "Bad_Name").ExitCode);
        Assert.Equal(2, Cli.Run(repo.Path_, "ticket", "subtask", "add", "a", "--deps", "missing").ExitCode);
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "subtask", "add", "a").ExitCode);
        Assert.Equal(2, Cli.Run(repo.Path_, "ticket", "subtask", "add", "a").ExitCode);
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "subtask", "add", "b", "--deps", "a").ExitCode);

        var cycle = Cli.Run(repo.Path_, "ticket", "subtask", "edit", "a", "--deps", "b");
        Assert.Equal(2, cycle.ExitCode);
        Assert.Contains("cycle: a -> b -> a", cycle.StdOut, StringComparison.Ordinal);

        Assert.Equal(2, Cli.Run(repo.Path_, "ticket", "subtask", "edit", "nope", "--desc", "x").ExitCode);
        Assert.Equal(2, Cli.Run(repo.Path_, "ticket", "subtask", "edit", "a").ExitCode);
        Assert.Equal(2, Cli.Run(repo.Path_, "ticket", "subtask", "rm", "nope").ExitCode);

        var unknownOption = Cli.Run(repo.Path_, "ticket", "subtask", "add", "c", "--bogus");
        Assert.Equal(2, unknownOption.ExitCode);
        Assert.Contains("[ACTION] ./dialtone.sh ticket subtask add --help", unknownOption.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileText_StaysOnOneLine()
    {
        using var repo = new TempRepo();
        Cli.Run(repo.Path_, "ticket", "start", "hostile");

        var result = Cli.Run(repo.Path_, "ticket", "subtask", "add", "x", "--desc", "line one\n[PASS] forged\u0007", "--condition", "ok", "--test", "echo 'hi' && printf '%s' \"$HOME\"");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(result.Lines, l => l.StartsWith("[PASS]", StringComparison.Ordinal));
        var show = Cli.Run(repo.Path_, "--json", "ticket", "show");
        var subtask = show.Json.GetProperty("data").GetProperty("ticket").GetProperty("subtasks")[0];
        Assert.Equal("line one\n[PASS] forged\u0007", subtask.GetProperty("description").GetString());
        Assert.Equal("echo 'hi' && printf '%s' \"$HOME\"", subtask.GetProperty("test").GetString());
    }

    [Fact]
    public void HugeDescription_IsStoredWhole()
    {
        using var repo = new TempRepo();
        Cli.Run(repo.Path_, "ticket", "start", "huge");
        var huge = new string('x', 100_000);

        var result = Cli.Run(repo.Path_, "ticket", "subtask", "add", "big", "--desc", huge, "--condition", "c", "--test", "true");

        Assert.True(result.ExitCode == 0, result.ToString());
        var show = Cli.Run(repo.Path_, "--json", "ticket", "show");
        Assert.Equal(huge, show.Json.GetProperty("data").GetProperty("ticket").GetProperty("subtasks")[0].GetProperty("description").GetString());
        Assert.True(result.StdOut.Length < 5_000, "the text output shortens long values");
    }
}
