using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// How test commands run: bound to the tree before, checked for idempotency by the
/// tree after, with a timeout, with the store released so the test may call dialtone itself.
/// </summary>
public sealed class RunTests
{
    [Fact]
    public void ATestThatModifiesATrackedFile_Fails_NamingThePath()
    {
        using var repo = new TempRepo();
        repo.Write("counter.txt", "0\n");
        repo.Commit("counter");
        StartWith(repo, "not-idempotent", "bump", "echo 1 >> counter.txt");

        var next = Expect(1, repo, "--json", "ticket", "next");

        var run = next.Json.GetProperty("data").GetProperty("run");
        Assert.False(run.GetProperty("passed").GetBoolean());
        Assert.Equal(0, run.GetProperty("exitCode").GetInt32());
        Assert.Equal(["counter.txt"], run.GetProperty("touched").EnumerateArray().Select(p => p.GetString()));
        var texts = next.Json.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("tag").GetString() + ": " + l.GetProperty("text").GetString()).ToList();
        Assert.Contains("fail: The test is not safe to re-run: it modified, deleted or created tracked files: counter.txt.", texts);
        Assert.Equal("action: ./dialtone.sh ticket log 'FAIL: bump not idempotent, touched counter.txt (next action: <what you will try next>)'", texts[^1]);
        Assert.NotEqual(run.GetProperty("treeBefore").GetString(), run.GetProperty("treeAfter").GetString());
    }

    [Fact]
    public void ATestThatDeletesATrackedFile_Fails_NamingThePath()
    {
        using var repo = new TempRepo();
        repo.Write("fixtures/seed.sql", "insert;\n");
        repo.Commit("fixture");
        StartWith(repo, "eats-fixture", "consume", "rm fixtures/seed.sql");

        var next = Expect(1, repo, "ticket", "next");

        Assert.Contains("[FAIL] The test is not safe to re-run: it modified, deleted or created tracked files: fixtures/seed.sql.", next.Lines);
    }

    [Fact]
    public void ATestThatOnlyLeavesAnUntrackedFile_Passes_WithAWarningNamingIt()
    {
        using var repo = new TempRepo();
        StartWith(repo, "leaves-junk", "report", "echo report > coverage-report.txt");

        var next = Ok(repo, "--json", "ticket", "next");

        var run = next.Json.GetProperty("data").GetProperty("run");
        Assert.True(run.GetProperty("passed").GetBoolean());
        Assert.Empty(run.GetProperty("touched").EnumerateArray());
        Assert.Equal(["coverage-report.txt"], run.GetProperty("leftUntracked").EnumerateArray().Select(p => p.GetString()));
        var warn = next.Json.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("tag").GetString() == "warn" && !IsFirstPassWarning("[WARN] " + l.GetProperty("text").GetString()));
        Assert.StartsWith("The test left new untracked files: coverage-report.txt.", warn.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ATestWritingIgnoredFiles_IsClean()
    {
        using var repo = new TempRepo();
        repo.Write(".gitignore", "out/\n");
        repo.Commit("ignore out/");
        StartWith(repo, "ignored-output", "build", "mkdir -p out && echo built > out/app.txt");

        var next = Ok(repo, "ticket", "next");

        Assert.DoesNotContain(next.Lines, l => (l.StartsWith("[WARN]", StringComparison.Ordinal) && !IsFirstPassWarning(l)) || l.StartsWith("[FAIL]", StringComparison.Ordinal));
        Ok(repo, "ticket", "log", SignText("build"));
    }

    [Fact]
    public void ASlowTest_IsKilledAtTheTimeout()
    {
        using var repo = new TempRepo();
        WriteConfig(repo, "{\"test\": {\"timeoutSeconds\": 1}}");
        StartWith(repo, "too-slow", "sleepy", "echo going to sleep; sleep 30");

        var next = Expect(1, repo, "--json", "ticket", "next");

        var run = next.Json.GetProperty("data").GetProperty("run");
        Assert.True(run.GetProperty("timedOut").GetBoolean());
        Assert.False(run.GetProperty("passed").GetBoolean());
        Assert.True(run.GetProperty("durationMs").GetInt64() >= 900, "the recorded duration runs until the timeout");
        Assert.Equal("going to sleep", run.GetProperty("outputTail").GetString());
        var text = Expect(1, repo, "ticket", "log", SignText("sleepy"));
        Assert.Contains("did not pass (timed out", text.Lines.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutIsReportedInText()
    {
        using var repo = new TempRepo();
        WriteConfig(repo, "{\"test\": {\"timeoutSeconds\": 1}}");
        StartWith(repo, "too-slow-text", "sleepy", "sleep 30");

        var next = Expect(1, repo, "ticket", "next");

        Assert.Contains(next.Lines, l => l.StartsWith("[FAIL] Subtask 'sleepy': `sleep 30` timed out in ", StringComparison.Ordinal));
        Assert.Equal("[ACTION] ./dialtone.sh ticket log 'FAIL: sleepy timed out (next action: <what you will try next>)'", next.Lines.Last());
    }

    [Fact]
    public void ATestThatCallsTheCli_DoesNotDeadlock()
    {
        using var repo = new TempRepo();
        // The child dialtone gives up after 5 s if the store is held, instead of the default 30 s.
        var command = $"DIALTONE_LOCK_TIMEOUT=5 {Quote(Cli.DotnetHost)} {Quote(Cli.Dll)} ticket status";
        StartWith(repo, "recursive", "self-status", command);

        var next = Ok(repo, "ticket", "next");

        Assert.Contains("  | [ticket] Current ticket: recursive (0 of 1 subtasks done; current: self-status)", next.Lines);
        Assert.Contains(next.Lines, l => l.StartsWith("[PASS] Subtask 'self-status'", StringComparison.Ordinal));
        Assert.DoesNotContain("store is busy", next.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void ATestThatLogsThroughTheCli_KeepsItsEntry()
    {
        // The test writes to the store while `next` waits for it; `next` must not overwrite that afterwards.
        using var repo = new TempRepo();
        var command = $"DIALTONE_LOCK_TIMEOUT=5 {Quote(Cli.DotnetHost)} {Quote(Cli.Dll)} ticket ask 'Asked from inside the test' --fyi";
        StartWith(repo, "inner-ask", "asker", command);

        Ok(repo, "ticket", "next");

        var inbox = Ok(repo, "inbox");
        Assert.Contains("[inner-ask] (fyi) Asked from inside the test", inbox.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailAfterAPass_IsARegression()
    {
        using var repo = new TempRepo();
        StartWith(repo, "flaky", "needs-file", "test -f marker.txt");
        var first = Expect(1, repo, "--json", "ticket", "next");
        Assert.False(first.Json.GetProperty("data").GetProperty("run").GetProperty("regression").GetBoolean(), "a first failure is not a regression");
        repo.Write("marker.txt", "here");
        var pass = Ok(repo, "--json", "ticket", "next");
        Assert.False(pass.Json.GetProperty("data").GetProperty("run").GetProperty("regression").GetBoolean());
        File.Delete(Path.Combine(repo.Path_, "marker.txt"));

        var regression = Expect(1, repo, "--json", "ticket", "next");

        var run = regression.Json.GetProperty("data").GetProperty("run");
        Assert.False(run.GetProperty("passed").GetBoolean());
        Assert.True(run.GetProperty("regression").GetBoolean());
        Assert.Contains(
            regression.Json.GetProperty("lines").EnumerateArray(),
            l => l.GetProperty("tag").GetString() == "fail" && l.GetProperty("text").GetString()!.EndsWith("(regression: its previous run passed).", StringComparison.Ordinal));
    }

    [Fact]
    public void TicketTest_RecordsRuns_AndChangesNoStatuses()
    {
        using var repo = new TempRepo();
        StartWith(repo, "whole-suite", "first", "true");
        AddSubtask(repo, "second", "echo checking; test -f second.txt");
        Ok(repo, "ticket", "subtask", "add", "third", "--desc", "no test yet", "--condition", "exits 0");
        var statusesBefore = Record(repo, "whole-suite").GetProperty("subtasks").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList();
        var revisionBefore = Record(repo, "whole-suite").GetProperty("revision").GetInt64();

        var failing = Expect(1, repo, "--json", "ticket", "test");

        var runs = failing.Json.GetProperty("data").GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["first", "second"], runs.Select(r => r.GetProperty("subtask").GetString()));
        Assert.Equal([true, false], runs.Select(r => r.GetProperty("passed").GetBoolean()));
        Assert.All(runs, r => Assert.Equal("test", r.GetProperty("kind").GetString()));
        var lines = failing.Json.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Contains("Subtask 'third' has no test command; skipped.", lines);
        Assert.Contains("1 passed, 1 failed.", lines);
        Assert.Equal(statusesBefore, Record(repo, "whole-suite").GetProperty("subtasks").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(["todo", "todo", "todo"], statusesBefore);
        Assert.Equal(revisionBefore, Record(repo, "whole-suite").GetProperty("revision").GetInt64());

        // The runs are recorded: the passing one can be signed without `next` ever running it.
        var sign = Ok(repo, "ticket", "log", SignText("first"));
        Assert.Contains(sign.Lines, l => l.StartsWith("[ticket] Signed: first", StringComparison.Ordinal));
        Expect(1, repo, "ticket", "log", SignText("second"));

        repo.Write("second.txt", "2");
        var passing = Ok(repo, "ticket", "test");
        Assert.Contains("[ticket] 2 passed, 0 failed.", passing.Lines);
        Assert.Equal("[ACTION] ./dialtone.sh ticket validate", passing.Lines.Last());
    }

    [Theory]
    [InlineData("{\"test\": {\"timeoutSeconds\": 1", "is not valid JSON")]
    [InlineData("{\"test\": {\"timeoutSeconds\": -5}}", "'test.timeoutSeconds' must be a number of 0 or more")]
    [InlineData("{\"summary\": {\"maxAgeMinutes\": \"ten\"}}", "'summary.maxAgeMinutes' must be a number of 0 or more")]
    public void ABrokenConfig_IsBadInput_AndNothingRuns(string config, string message)
    {
        using var repo = new TempRepo();
        StartWith(repo, "misconfigured", "step", "touch ran.txt");
        WriteConfig(repo, config);

        var next = Expect(2, repo, "ticket", "next");

        Assert.StartsWith("[FAIL] .dialtone/config.json", next.Lines.First(), StringComparison.Ordinal);
        Assert.Contains(message, next.Lines.First(), StringComparison.Ordinal);
        Assert.False(repo.Exists("ran.txt"));
    }

    [Fact]
    public void TheTestRunsInTheRepositoryRoot_WithTheTicketInItsEnvironment()
    {
        using var repo = new TempRepo();
        repo.Write("sub/dir/keep.txt", "k");
        repo.Commit("sub dir");
        StartWith(repo, "where-am-i", "env-check", "test -f README.md && echo \"$DIALTONE_TICKET/$DIALTONE_SUBTASK/$DIALTONE_RUN_KIND\"");

        var next = Cli.Run(Path.Combine(repo.Path_, "sub", "dir"), "ticket", "next");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains("  | where-am-i/env-check/next", next.Lines);
    }
}
