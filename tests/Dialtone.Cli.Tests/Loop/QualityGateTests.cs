using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// What `next` checks before it runs anything: complete fields, objective conditions, safe commands;
/// and the CHECK: claim that verifies fields.
/// </summary>
public sealed class QualityGateTests
{
    [Theory]
    [InlineData("git push origin main", "it pushes to a remote")]
    [InlineData("sudo true", "it runs a command as another user (sudo/su)")]
    [InlineData("curl x | sh", "it pipes a download into a shell")]
    public void UnsafeTestCommands_AreBlocked_BeforeAnythingRuns(string unsafeCommand, string reason)
    {
        using var repo = new TempRepo();
        // If any part of the command ran, ran.txt would exist.
        StartWith(repo, "unsafe", "risky", $"touch ran.txt; {unsafeCommand}");

        var next = Expect(1, repo, "--json", "ticket", "next");

        var lines = next.Json.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal("block", lines[0].GetProperty("tag").GetString());
        Assert.Equal($"The test command of 'risky' is not safe to run: {reason}.", lines[0].GetProperty("text").GetString());
        Assert.Equal("action", lines[^1].GetProperty("tag").GetString());
        Assert.Equal("./dialtone.sh ticket subtask edit risky --test \"<safe, idempotent command>\"", lines[^1].GetProperty("text").GetString());
        Assert.False(next.Json.GetProperty("data").TryGetProperty("run", out _), "nothing may run");
        Assert.False(repo.Exists("ran.txt"), "the command ran");
        Assert.Equal("todo", Record(repo, "unsafe").GetProperty("subtasks")[0].GetProperty("status").GetString());

        var sign = Expect(1, repo, "ticket", "log", SignText("risky"));
        Assert.Contains("has no test run yet", sign.Lines.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void AVagueCondition_IsNamedInAWarning_AndTheTestStillRuns()
    {
        using var repo = new TempRepo();
        Ok(repo, "ticket", "start", "fuzzy");
        Ok(repo, "ticket", "subtask", "add", "landing-page", "--desc", "Build the landing page",
            "--condition", "index.html exists", "--condition", "looks correct", "--test", "true");

        var next = Ok(repo, "ticket", "next");

        var warn = Assert.Single(next.Lines, l => l.StartsWith("[WARN]", StringComparison.Ordinal) && !IsFirstPassWarning(l));
        Assert.Equal("[WARN] Condition \"looks correct\" of 'landing-page' is vague: say what can be checked (an exit code, an output, a file).", warn);
        Assert.Contains(next.Lines, l => l.StartsWith("[PASS] Subtask 'landing-page'", StringComparison.Ordinal));
    }

    [Fact]
    public void ObjectiveConditions_EarnNoWarning()
    {
        using var repo = new TempRepo();
        StartWith(repo, "crisp", "api-check", "true", "curl returns HTTP 200 and the body contains \"ok\"");

        var next = Ok(repo, "ticket", "next");

        Assert.DoesNotContain(next.Lines, l => l.StartsWith("[WARN]", StringComparison.Ordinal) && !IsFirstPassWarning(l));
    }

    [Fact]
    public void AnIncompleteSubtask_IsBlocked_WithTheEditCommand()
    {
        using var repo = new TempRepo();
        Ok(repo, "ticket", "start", "half-done");
        Ok(repo, "ticket", "subtask", "add", "install-tests", "--desc", "Add install tests", "--condition", "dotnet test exits 0");

        var next = Expect(1, repo, "ticket", "next");

        Assert.Equal("[BLOCK] Subtask 'install-tests' is incomplete: missing --test.", next.Lines.First());
        Assert.Equal("[ACTION] ./dialtone.sh ticket subtask edit install-tests --test \"<idempotent command>\"", next.Lines.Last());
        Assert.DoesNotContain(next.Lines, l => l.StartsWith("[PASS]", StringComparison.Ordinal) || l.StartsWith("[FAIL]", StringComparison.Ordinal));
        Assert.Equal("todo", Record(repo, "half-done").GetProperty("subtasks")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void ASubtaskMissingEverything_ListsEveryField()
    {
        using var repo = new TempRepo();
        Ok(repo, "ticket", "start", "bare");
        Ok(repo, "ticket", "subtask", "add", "placeholder");

        var next = Expect(1, repo, "ticket", "next");

        Assert.Equal("[BLOCK] Subtask 'placeholder' is incomplete: missing --desc, --condition, --test.", next.Lines.First());
        Assert.Equal(
            "[ACTION] ./dialtone.sh ticket subtask edit placeholder --desc \"<goal>\" --condition \"<objective check>\" --test \"<idempotent command>\"",
            next.Lines.Last());
    }

    [Fact]
    public void Check_VerifiesTheFieldsOfTheNamedSubtask()
    {
        using var repo = new TempRepo();
        StartWith(repo, "checklist", "install-tests", "dotnet --version");
        Ok(repo, "ticket", "subtask", "add", "docs-update", "--desc", "Update the docs");

        var complete = Ok(repo, "ticket", "log", "CHECK: install-tests has description, test-conditions, test-command");
        var incomplete = Ok(repo, "ticket", "log", "CHECK: docs-update has description, test-conditions, test-command");
        var unnamed = Ok(repo, "ticket", "log", "CHECK: the README builds");

        Assert.Equal(
            [
                "[ticket] Check captured.",
                "[PASS] 'install-tests' has a description, 1 test condition(s) and a test command.",
            ],
            complete.Lines);
        Assert.Contains("[WARN] 'docs-update' is missing --condition, --test.", incomplete.Lines);
        Assert.Equal("[ACTION] ./dialtone.sh ticket subtask edit docs-update --condition \"<objective check>\" --test \"<idempotent command>\"", incomplete.Lines.Last());
        Assert.DoesNotContain(incomplete.Lines, l => l.StartsWith("[PASS]", StringComparison.Ordinal));
        Assert.Contains("[ticket] Nothing in it names a subtask, so there is nothing Dialtone can verify.", unnamed.Lines);
    }

    [Fact]
    public void Check_DoesNotMistakeAPrefixForASubtaskName()
    {
        using var repo = new TempRepo();
        StartWith(repo, "prefixes", "install", "true");
        Ok(repo, "ticket", "subtask", "add", "install-tests", "--desc", "tests");

        var check = Ok(repo, "ticket", "log", "CHECK: install has description, test-conditions, test-command");

        Assert.Contains("[PASS] 'install' has a description, 1 test condition(s) and a test command.", check.Lines);
        Assert.DoesNotContain(check.Lines, l => l.Contains("install-tests", StringComparison.Ordinal));
    }

    [Fact]
    public void FailAndNotes_AreCaptured()
    {
        using var repo = new TempRepo();
        StartWith(repo, "notes", "step", "false");
        Expect(1, repo, "ticket", "next");

        var fail = Ok(repo, "ticket", "log", "FAIL: step false always exits 1 (next action: use the real check)");
        var note = Ok(repo, "ticket", "log", "Implementing the webhook handler.");

        Assert.Equal("[ticket] Failure noted for 'step'.", fail.Lines.First());
        Assert.Equal("[ACTION] ./dialtone.sh ticket next", fail.Lines.Last());
        Assert.Equal("[ticket] Log captured.", note.Lines.First());
        Expect(2, repo, "ticket", "log", "FAIL: nothing-like-this broke");
        Expect(2, repo, "ticket", "log", "   ");

        // The suggested entry, pasted as printed, still holds its placeholder: refused, nothing stored.
        var pasted = Expect(2, repo, "ticket", "log", "FAIL: step exit 1 (next action: <what you will try next>)");
        Assert.Equal("[FAIL] The text still contains the placeholder <what you will try next>: replace it with what you mean.", pasted.Lines.First());
    }
}
