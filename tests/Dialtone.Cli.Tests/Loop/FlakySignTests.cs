using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// A test that both failed and passed with the same command at the same tree is flaky: its pass
/// proves nothing, so SIGN is refused, and running it again at that tree never changes that. Only a
/// fix — a changed tree — makes it signable (docs/decisions.md).
/// </summary>
public sealed class FlakySignTests
{
    /// <summary>Fails on its first two runs, passes from the third: it counts its runs in an ignored file, outside the snapshot tree.</summary>
    private const string Flaky = """
        #!/bin/sh
        mkdir -p state
        n=$(cat state/runs 2>/dev/null || echo 0)
        n=$((n + 1))
        echo "$n" > state/runs
        [ "$n" -ge 3 ]
        """;

    private static TempRepo RepoWithFlakyCheck()
    {
        var repo = new TempRepo();
        repo.Write(".gitignore", "state/\n");
        repo.Write("check.sh", Flaky + "\n");
        repo.Commit("a check that passes on the third try");
        StartWith(repo, "retry-until-green", "retry", "sh check.sh");
        return repo;
    }

    [Fact]
    public void RetryingUntilItPasses_DoesNotEarnASignature()
    {
        using var repo = RepoWithFlakyCheck();
        var tree = Tree(repo);
        Expect(1, repo, "ticket", "next");
        Expect(1, repo, "ticket", "next");
        var green = Ok(repo, "ticket", "next");
        Assert.Contains(SignAction("retry"), green.Lines);

        var sign = Expect(1, repo, "ticket", "log", SignText("retry"));

        var lines = sign.Lines.ToList();
        Assert.Equal($"[BLOCK] Signature refused: 'retry' is flaky: 1 pass and 2 failures at tree {tree[..7]}.", lines[0]);
        Assert.StartsWith("[MESSAGE] A test that both passed and failed at the same tree proves nothing by passing", lines[^2], StringComparison.Ordinal);
        Assert.Contains("accepts a SIGN only at a tree where the test has not failed", lines[^2], StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket next", lines[^1]);
        Assert.Single(lines, l => l.StartsWith("[ACTION]", StringComparison.Ordinal));
        Assert.Empty(Record(repo, "retry-until-green").GetProperty("attestations").EnumerateArray());

        // More passes at the same tree change nothing, `ticket test` runs included.
        Ok(repo, "ticket", "next");
        Ok(repo, "ticket", "test");
        var again = Expect(1, repo, "ticket", "log", SignText("retry"));
        Assert.Equal($"[BLOCK] Signature refused: 'retry' is flaky: 3 passes and 2 failures at tree {tree[..7]}.", again.Lines.First());
        Assert.Empty(Record(repo, "retry-until-green").GetProperty("attestations").EnumerateArray());
    }

    [Fact]
    public void FixingTheTest_ChangesTheTree_AndThenItSigns()
    {
        using var repo = RepoWithFlakyCheck();
        Expect(1, repo, "ticket", "next");
        Expect(1, repo, "ticket", "next");
        Ok(repo, "ticket", "next");
        Expect(1, repo, "ticket", "log", SignText("retry"));

        // The fix: the check no longer depends on how often it ran.
        repo.Write("check.sh", "#!/bin/sh\ntest -f check.sh\n");
        Ok(repo, "ticket", "next");
        var sign = Ok(repo, "ticket", "log", SignText("retry"));

        Assert.StartsWith("[ticket] Signed: retry (attestation #1", sign.Lines.First(), StringComparison.Ordinal);
        Assert.Single(Record(repo, "retry-until-green").GetProperty("attestations").EnumerateArray());
    }

    [Fact]
    public void RedThenGreenAfterAChange_IsNotFlaky()
    {
        using var repo = new TempRepo();
        StartWith(repo, "honest-red", "hello", "test -f hello.txt");
        Expect(1, repo, "ticket", "next");
        repo.Write("hello.txt", "hello\n");
        Ok(repo, "ticket", "next");

        var sign = Ok(repo, "ticket", "log", SignText("hello"));

        Assert.StartsWith("[ticket] Signed: hello", sign.Lines.First(), StringComparison.Ordinal);
    }
}
