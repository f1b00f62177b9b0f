using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// The end of a ticket: `validate` (every subtask signed, nothing changed since, every test passing
/// again) and `done` (validate, then ask for a tip).
/// </summary>
public sealed class ValidateDoneTests
{
    [Fact]
    public void Validate_FailsOnAnUnsignedSubtask()
    {
        using var repo = new TempRepo();
        StartWith(repo, "half-signed", "first", "true");
        AddSubtask(repo, "second", "true");
        PassAndSign(repo, "first");
        Ok(repo, "ticket", "next");

        var validate = Expect(1, repo, "--json", "ticket", "validate");

        var lines = validate.Json.GetProperty("lines").EnumerateArray().Select(l => (Tag: l.GetProperty("tag").GetString(), Text: l.GetProperty("text").GetString())).ToList();
        Assert.Contains(("fail", "Subtask 'second' is not signed."), lines);
        Assert.DoesNotContain(lines, l => l.Text!.Contains("'first' is not signed", StringComparison.Ordinal));
        Assert.Equal(("action", "./dialtone.sh ticket next"), lines[^1]);
        Assert.False(validate.Json.GetProperty("data").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void Validate_FailsOnAStaleTree_NamingThePath()
    {
        using var repo = new TempRepo();
        repo.Write("lib/core.txt", "v1\n");
        repo.Commit("core");
        StartWith(repo, "stale", "core-check", "grep -q v lib/core.txt");
        PassAndSign(repo, "core-check");
        repo.Write("lib/core.txt", "v2: edited after signing\n");

        var validate = Expect(1, repo, "ticket", "validate");

        Assert.Contains("[FAIL] Files changed since the last signature ('core-check', #1): lib/core.txt.", validate.Lines);
        Assert.StartsWith("[MESSAGE] The change is unsigned work: run every test, then sign the subtask whose test covers it", validate.Lines.ToList()[^2], StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket test", validate.Lines.Last());
        Assert.True(Record(repo, "stale").GetProperty("validation").ValueKind == System.Text.Json.JsonValueKind.Null, "a refused validation is not sealed as a pass");
    }

    [Fact]
    public void Validate_FailsOnAnOpenQuestion()
    {
        using var repo = new TempRepo();
        StartWith(repo, "still-asking", "step", "true");
        PassAndSign(repo, "step");
        Ok(repo, "ticket", "ask", "Is the retry policy final?");

        var validate = Expect(1, repo, "ticket", "validate");

        Assert.Contains("[FAIL] Question #1 is not answered yet.", validate.Lines);
    }

    [Fact]
    public void Validate_ReRunsEveryTest_AndFailsWhenOneNoLongerPasses()
    {
        // Signed while a file outside the snapshot (ignored) existed; it is gone at validation.
        using var repo = new TempRepo();
        repo.Write(".gitignore", "cache/\n");
        repo.Commit("ignore cache");
        repo.Write("cache/warm", "1");
        StartWith(repo, "rerun", "cache-check", "test -f cache/warm");
        PassAndSign(repo, "cache-check");
        File.Delete(Path.Combine(repo.Path_, "cache", "warm"));

        var validate = Expect(1, repo, "--json", "ticket", "validate");

        var runs = validate.Json.GetProperty("data").GetProperty("runs").EnumerateArray().ToList();
        var run = Assert.Single(runs);
        Assert.Equal("validate", run.GetProperty("kind").GetString());
        Assert.False(run.GetProperty("passed").GetBoolean());
        Assert.True(run.GetProperty("regression").GetBoolean());
        var validation = Record(repo, "rerun").GetProperty("validation");
        Assert.False(validation.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void Validate_ARerunThatLeavesNewFiles_FailsWithTheReasonAndAnAction()
    {
        // Each run writes a new untracked file: a single `next` only warns, but validation asks that the
        // re-run touches nothing, so it fails, and it has to say why and what to do.
        using var repo = new TempRepo();
        StartWith(repo, "littering", "stamp", "echo x > \"out-$(date +%s%N).log\"");
        Ok(repo, "ticket", "next");
        foreach (var file in Directory.GetFiles(repo.Path_, "out-*.log"))
        {
            File.Delete(file);
        }

        Ok(repo, "ticket", "log", SignText("stamp"));

        var validate = Expect(1, repo, "ticket", "validate");

        Assert.DoesNotContain("0 of 1 tests did not pass again", validate.StdOut, StringComparison.Ordinal);
        Assert.Contains(validate.Lines, l => l.StartsWith("[FAIL]", StringComparison.Ordinal) && l.Contains("out-", StringComparison.Ordinal));
        Assert.Equal("[MESSAGE] Make 'stamp' clean up after itself (or ignore what it writes in .gitignore), then validate again:", validate.Lines.ToList()[^2]);
        Assert.Equal("[ACTION] ./dialtone.sh ticket validate", validate.Lines.Last());
    }

    [Fact]
    public void Validate_Passes_AndSealsTheValidationIntoTheRecord()
    {
        using var repo = new TempRepo();
        StartWith(repo, "clean", "step", "true");
        PassAndSign(repo, "step");
        var tree = Tree(repo);

        var validate = Ok(repo, "ticket", "validate");

        Assert.StartsWith($"[PASS] Validation passed at tree {tree[..7]}: 1 test re-run in ", validate.Lines.First(), StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket done --tip \"<one tip for the next agent>\"", validate.Lines.Last());
        var record = Record(repo, "clean");
        var validation = record.GetProperty("validation");
        Assert.True(validation.GetProperty("passed").GetBoolean());
        Assert.Equal(tree, validation.GetProperty("tree").GetString());
        Assert.Equal(record.GetProperty("attestations")[0].GetProperty("hash").GetString(), validation.GetProperty("prevHash").GetString());
        Assert.Equal("done", record.GetProperty("subtasks")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void DoneWithoutATip_ValidatesThenAsksForOne_AsInSeedSection5()
    {
        using var repo = new TempRepo();
        StartWith(repo, "previous-stripe-plugin", "webhook", "true");
        PassAndSign(repo, "webhook");

        var done = Expect(1, repo, "ticket", "done");

        var lines = done.Lines.ToList();
        Assert.Equal("[ticket] Validating... Pass.", lines[0]);
        Assert.Equal("[PROMPT] What is one tip for the next agent working on this plugin?", lines[1]);
        Assert.Equal("Usage: ./dialtone.sh ticket done --tip \"Remember to escape the webhook secret.\"", lines[2]);
        Assert.StartsWith("[ACTION] ", lines[^1], StringComparison.Ordinal);
        var record = Record(repo, "previous-stripe-plugin");
        Assert.Equal("open", record.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, record.GetProperty("tip").ValueKind);
    }

    [Fact]
    public void DoneWithATip_StoresItAndClosesTheTicket()
    {
        using var repo = new TempRepo();
        StartWith(repo, "finished", "webhook", "true");
        PassAndSign(repo, "webhook");
        Ok(repo, "ticket", "validate");

        var done = Ok(repo, "ticket", "done", "--tip", "Remember to escape the webhook secret.");

        Assert.Equal("[ticket] Validating... Pass.", done.Lines.First());
        Assert.Contains("[ticket] Done: finished. Tip stored for the next agent: \"Remember to escape the webhook secret.\"", done.Lines);
        Assert.StartsWith("[ACTION] git add .dialtone/tickets/finished.json", done.Lines.Last(), StringComparison.Ordinal);
        var record = Record(repo, "finished");
        Assert.Equal("done", record.GetProperty("status").GetString());
        Assert.Equal("Remember to escape the webhook secret.", record.GetProperty("tip").GetString());

        var again = Expect(2, repo, "ticket", "done", "--tip", "Another tip for the same ticket.");
        Assert.Contains("already done", again.Lines.First(), StringComparison.Ordinal);
        var next = Expect(2, repo, "ticket", "next");
        Assert.Contains("is done", next.Lines.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Done_RefusesWhileSomethingIsUnsigned()
    {
        using var repo = new TempRepo();
        StartWith(repo, "premature", "step", "true");

        var done = Expect(1, repo, "ticket", "done", "--tip", "Remember to escape the webhook secret.");

        Assert.Equal("[ticket] Validating... Fail.", done.Lines.First());
        Assert.Contains("[FAIL] Subtask 'step' is not signed.", done.Lines);
        Assert.StartsWith("[ACTION] ", done.Lines.Last(), StringComparison.Ordinal);
        Assert.Equal("open", Record(repo, "premature").GetProperty("status").GetString());
    }

    [Fact]
    public void Done_WithAPlaceholderTip_IsBadInput()
    {
        using var repo = new TempRepo();
        StartWith(repo, "tipless", "step", "true");
        PassAndSign(repo, "step");

        var done = Expect(2, repo, "ticket", "done", "--tip", "TODO");

        Assert.Contains(done.Lines, l => l.StartsWith("[FAIL] That tip is empty or a placeholder", StringComparison.Ordinal));
        Assert.Equal("open", Record(repo, "tipless").GetProperty("status").GetString());
    }
}
