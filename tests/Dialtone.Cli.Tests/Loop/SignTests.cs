using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// The heart of the nexttone loop: red, green, sign. A signature is accepted only for a passing run
/// at the tree as it is now, and it lands in the record as a hash-chained attestation.
/// </summary>
public sealed class SignTests
{
    [Fact]
    public void RedThenGreenThenSign_ChainsAnAttestationIntoTheRecord()
    {
        using var repo = new TempRepo();
        StartWith(repo, "greeting", "hello-file", "test -f hello.txt", "test -f hello.txt exits 0");

        // Red: the file the test looks for does not exist yet.
        var red = Expect(1, repo, "ticket", "next");
        Assert.Contains(red.Lines, l => l.StartsWith("[FAIL] Subtask 'hello-file': `test -f hello.txt` exited 1", StringComparison.Ordinal));
        Assert.Equal("[ACTION] ./dialtone.sh ticket log 'FAIL: hello-file exit 1 (next action: <what you will try next>)'", red.Lines.Last());
        Assert.DoesNotContain(red.Lines, l => l.StartsWith("[PASS]", StringComparison.Ordinal));

        // Green: the agent creates the file; the same test now passes and says how to sign.
        repo.Write("hello.txt", "hello\n");
        var treeBefore = Tree(repo);
        var green = Ok(repo, "ticket", "next");
        Assert.Contains(green.Lines, l => l.StartsWith("[PASS] Subtask 'hello-file': `test -f hello.txt` exited 0", StringComparison.Ordinal));
        Assert.Contains($"at tree {treeBefore[..7]}", green.StdOut, StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket log \"SIGN: hello-file test-command is idempotent and PASS\"", green.Lines.Last());

        // Sign: accepted, and the record now carries the attestation, chained from genesis.
        var sign = Ok(repo, "ticket", "log", "SIGN: hello-file test-command is idempotent and PASS");
        Assert.StartsWith("[ticket] Signed: hello-file (attestation #1, tree " + treeBefore[..7], sign.Lines.First(), StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] git add -A && git commit", sign.Lines.Last(), StringComparison.Ordinal);

        var attestation = Assert.Single(Record(repo, "greeting").GetProperty("attestations").EnumerateArray());
        Assert.Equal(1, attestation.GetProperty("seq").GetInt32());
        Assert.Equal("hello-file", attestation.GetProperty("subtask").GetString());
        Assert.Equal("test -f hello.txt", attestation.GetProperty("command").GetString());
        Assert.Equal(0, attestation.GetProperty("exitCode").GetInt32());
        Assert.Equal(treeBefore, attestation.GetProperty("tree").GetString());
        Assert.Equal("Test User", attestation.GetProperty("signer").GetString());
        Assert.Equal(new string('0', 64), attestation.GetProperty("prevHash").GetString());
        Assert.Matches("^[0-9a-f]{64}$", attestation.GetProperty("hash").GetString());
        // An empty output's digest: the run signed is the one that printed nothing.
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", attestation.GetProperty("outputDigest").GetString());

        // The next `next` takes the signature, marks the subtask done and moves on.
        var after = Ok(repo, "ticket", "next");
        Assert.Contains("[ticket] Subtask 'hello-file' is signed (attestation #1): marked done.", after.Lines);
        Assert.Equal("[ACTION] ./dialtone.sh ticket validate", after.Lines.Last());
        Assert.Equal("done", Record(repo, "greeting").GetProperty("subtasks")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void SecondSignature_LinksToTheFirst()
    {
        using var repo = new TempRepo();
        StartWith(repo, "two-steps", "first", "true");
        AddSubtask(repo, "second", "test -f second.txt");
        PassAndSign(repo, "first");
        repo.Write("second.txt", "2");

        var next = Ok(repo, "ticket", "next");
        Assert.Contains("[ticket] Next subtask: second", next.Lines);
        Ok(repo, "ticket", "log", SignText("second"));

        var chain = Record(repo, "two-steps").GetProperty("attestations").EnumerateArray().ToList();
        Assert.Equal(2, chain.Count);
        Assert.Equal(2, chain[1].GetProperty("seq").GetInt32());
        Assert.Equal(chain[0].GetProperty("hash").GetString(), chain[1].GetProperty("prevHash").GetString());
        Assert.NotEqual(chain[0].GetProperty("tree").GetString(), chain[1].GetProperty("tree").GetString());
    }

    [Fact]
    public void Sign_WithoutAnyRun_IsRefused()
    {
        using var repo = new TempRepo();
        StartWith(repo, "no-run", "untested", "true");

        var sign = Expect(1, repo, "ticket", "log", SignText("untested"));

        Assert.Equal("[BLOCK] Signature refused: 'untested' has no test run yet.", sign.Lines.First());
        Assert.Equal("[ACTION] ./dialtone.sh ticket next", sign.Lines.Last());
        Assert.Empty(Record(repo, "no-run").GetProperty("attestations").EnumerateArray());
    }

    [Fact]
    public void Sign_AfterAFailedRun_IsRefused()
    {
        using var repo = new TempRepo();
        StartWith(repo, "failing", "red-step", "exit 3");
        Expect(1, repo, "ticket", "next");

        var sign = Expect(1, repo, "ticket", "log", SignText("red-step"));

        Assert.StartsWith("[BLOCK] Signature refused: the latest run of 'red-step' did not pass (exit 3", sign.Lines.First(), StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket next", sign.Lines.Last());
        Assert.Empty(Record(repo, "failing").GetProperty("attestations").EnumerateArray());
    }

    [Fact]
    public void Sign_AfterAFileChanged_IsRefused_NamingThePath()
    {
        using var repo = new TempRepo();
        repo.Write("src/app.txt", "v1\n");
        repo.Commit("app");
        StartWith(repo, "drifting", "app-check", "grep -q v src/app.txt");
        Ok(repo, "ticket", "next");
        repo.Write("src/app.txt", "v2, edited after the passing run\n");

        var sign = Expect(1, repo, "ticket", "log", SignText("app-check"));

        Assert.Equal("[BLOCK] Signature refused: files changed since the passing run of 'app-check': src/app.txt.", sign.Lines.First());
        Assert.Equal("[ACTION] ./dialtone.sh ticket next", sign.Lines.Last());
        Assert.Empty(Record(repo, "drifting").GetProperty("attestations").EnumerateArray());

        // Re-running at the new tree makes the signature acceptable again.
        Ok(repo, "ticket", "next");
        Ok(repo, "ticket", "log", SignText("app-check"));
    }

    [Fact]
    public void Sign_AfterTheTestCommandChanged_IsRefused()
    {
        using var repo = new TempRepo();
        StartWith(repo, "moving-target", "step", "true");
        Ok(repo, "ticket", "next");
        Ok(repo, "ticket", "subtask", "edit", "step", "--test", "test -f never.txt");

        var sign = Expect(1, repo, "ticket", "log", SignText("step"));

        Assert.Equal("[BLOCK] Signature refused: the test command of 'step' changed since its latest run.", sign.Lines.First());
    }

    [Fact]
    public void ASignatureOfAnOlderTestCommand_DoesNotCompleteTheSubtask()
    {
        // Signed while the test was `true`, then the test was changed to the real check: the old
        // signature proves nothing about the new command, so `next` must run it, not mark the subtask done.
        using var repo = new TempRepo();
        StartWith(repo, "swapped", "step", "true");
        PassAndSign(repo, "step");
        Ok(repo, "ticket", "subtask", "edit", "step", "--test", "test -f real-check.txt");

        var next = Cli.Run(repo.Path_, "ticket", "next");

        Assert.DoesNotContain(next.Lines, l => l.Contains("marked done", StringComparison.Ordinal));
        Assert.True(next.ExitCode == 1, next.ToString());
        Assert.Contains(next.Lines, l => l.StartsWith("[FAIL] Subtask 'step': `test -f real-check.txt` exited 1", StringComparison.Ordinal));
        Assert.NotEqual("done", Record(repo, "swapped").GetProperty("subtasks")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void NextAfterAFileChangedSinceTheSignature_SaysWhichPath()
    {
        // A signature is stale when the snapshot tree has moved since; `next` and
        // `validate` say which paths differ. Here the change even breaks the signed test.
        using var repo = new TempRepo();
        StartWith(repo, "stale-signature", "greeting", "grep -q test README.md");
        AddSubtask(repo, "later", "true");
        PassAndSign(repo, "greeting");
        repo.Write("README.md", "bye\n");

        var next = Cli.Run(repo.Path_, "ticket", "next");

        Assert.Contains(next.Lines, l => !l.StartsWith("  ", StringComparison.Ordinal) && l.Contains("README.md", StringComparison.Ordinal));
    }

    [Fact]
    public void SigningTwiceAtTheSameTree_AddsNoSecondAttestation()
    {
        using var repo = new TempRepo();
        StartWith(repo, "twice", "step", "true");
        PassAndSign(repo, "step");

        var again = Ok(repo, "ticket", "log", SignText("step"));

        Assert.StartsWith("[ticket] 'step' is already signed at tree", again.Lines.First(), StringComparison.Ordinal);
        Assert.Single(Record(repo, "twice").GetProperty("attestations").EnumerateArray());
    }

    [Theory]
    [InlineData("SIGN: no-such-step test-command is idempotent and PASS", "no-such-step")]
    [InlineData("SIGN:", null)]
    [InlineData("SIGN: Bad Name PASS", null)]
    public void Sign_OfAnUnknownOrMissingSubtask_IsBadInput(string text, string? named)
    {
        using var repo = new TempRepo();
        StartWith(repo, "typos", "step", "true");

        var sign = Expect(2, repo, "ticket", "log", text);

        Assert.StartsWith("[FAIL] ", sign.Lines.First(), StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] ", sign.Lines.Last(), StringComparison.Ordinal);
        if (named is not null)
        {
            Assert.Contains(named, sign.Lines.First(), StringComparison.Ordinal);
        }

        Assert.Empty(Record(repo, "typos").GetProperty("attestations").EnumerateArray());
    }

    [Fact]
    public void NextJson_CarriesTheRunFacts()
    {
        using var repo = new TempRepo();
        StartWith(repo, "json-run", "talky", "echo to-stdout; echo to-stderr >&2");
        var tree = Tree(repo);

        var result = Ok(repo, "--json", "ticket", "next");

        var root = result.Json;
        Assert.Equal("ticket next", root.GetProperty("command").GetString());
        Assert.True(root.GetProperty("ok").GetBoolean());
        var run = root.GetProperty("data").GetProperty("run");
        Assert.True(run.GetProperty("passed").GetBoolean());
        Assert.False(run.GetProperty("regression").GetBoolean());
        Assert.False(run.GetProperty("timedOut").GetBoolean());
        Assert.Equal(0, run.GetProperty("exitCode").GetInt32());
        Assert.Equal("talky", run.GetProperty("subtask").GetString());
        Assert.Equal("next", run.GetProperty("kind").GetString());
        Assert.Equal("echo to-stdout; echo to-stderr >&2", run.GetProperty("command").GetString());
        Assert.Equal(tree, run.GetProperty("treeBefore").GetString());
        Assert.Equal(tree, run.GetProperty("treeAfter").GetString());
        Assert.Empty(run.GetProperty("touched").EnumerateArray());
        Assert.Empty(run.GetProperty("leftUntracked").EnumerateArray());
        Assert.Equal("to-stdout\nto-stderr", run.GetProperty("outputTail").GetString());
        Assert.Equal(20, run.GetProperty("outputBytes").GetInt64());
        Assert.Matches("^[0-9a-f]{64}$", run.GetProperty("outputDigest").GetString());
        Assert.True(run.GetProperty("id").GetInt64() > 0);
        var lastLine = root.GetProperty("lines").EnumerateArray().Last();
        Assert.Equal("action", lastLine.GetProperty("tag").GetString());
        Assert.Equal("./dialtone.sh ticket log \"SIGN: talky test-command is idempotent and PASS\"", lastLine.GetProperty("text").GetString());

        // The signature binds the run's tree and digest.
        Ok(repo, "ticket", "log", SignText("talky"));
        var attestation = Record(repo, "json-run").GetProperty("attestations")[0];
        Assert.Equal(tree, attestation.GetProperty("tree").GetString());
        Assert.Equal(run.GetProperty("outputDigest").GetString(), attestation.GetProperty("outputDigest").GetString());
    }
}
