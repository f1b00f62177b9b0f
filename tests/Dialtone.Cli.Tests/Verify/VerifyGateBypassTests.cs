using Dialtone.Cli.Tests.Hooks;

namespace Dialtone.Cli.Tests.Verify;

/// <summary>
/// Work committed with `git commit --no-verify` in the middle of an otherwise honest ticket: every
/// later step is signed and validated, so the record and the final tree are in order; only the
/// commit walk sees the commit no signature covers.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VerifyGateBypassTests
{
    [Fact]
    public void UnsignedWork_CommittedWithNoVerify_FailsNamingTheCommit()
    {
        using var repo = new HookedRepo();
        var fork = repo.Head;
        repo.StartTicket("feature", "greet", "a.txt");
        repo.AddSubtask("wave", "c.txt");
        repo.Repo.Write("a.txt", "hello\n");
        repo.RunAndSign("greet");
        HookedRepo.Expect(0, repo.Git("add", "-A"));
        HookedRepo.Expect(0, repo.Git("commit", "-q", "-m", "Greet"));

        // Past the gate: nothing signed this tree.
        repo.Repo.Write("b.txt", "unsigned\n");
        HookedRepo.Expect(0, repo.Git("add", "b.txt"));
        HookedRepo.Expect(0, repo.Git("commit", "-q", "--no-verify", "-m", "Sneak b in"));
        var sneaked = repo.Repo.Git("rev-parse", "--short=7", "HEAD");

        // Then honest again: the next subtask is signed at a tree that includes b.txt, and validated.
        repo.Repo.Write("c.txt", "wave\n");
        repo.RunAndSign("wave");
        HookedRepo.Expect(0, repo.Git("add", "-A"));
        HookedRepo.Expect(0, repo.Git("commit", "-q", "-m", "Wave"));
        HookedRepo.Expect(0, repo.Dialtone("ticket", "validate"));
        HookedRepo.Expect(0, repo.Git("add", "-A"));
        HookedRepo.Expect(0, repo.Git("commit", "-q", "-m", "Validate"));
        using var clone = repo.Repo.Clone("clone");

        var result = Verifier.Expect(1, clone);

        var failure = Assert.Single(Verifier.Tagged(result, "[FAIL]"), l => !l.StartsWith("[FAIL] Verify failed", StringComparison.Ordinal));
        Assert.StartsWith($"[FAIL] commit {sneaked} 'Sneak b in' records work no signature covers (its tree ", failure, StringComparison.Ordinal);
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] validation: passed at HEAD's tree", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] test 'greet'", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] test 'wave'", StringComparison.Ordinal));
        Assert.Equal($"[ACTION] git reset --soft {fork}", result.Lines.Last());
        var commits = Verifier.Expect(1, clone, "--json").Json.GetProperty("data").GetProperty("commits").EnumerateArray()
            .Select(c => (c.GetProperty("subject").GetString(), c.GetProperty("kind").GetString())).ToList();
        Assert.Equal([("Greet", "signed"), ("Sneak b in", "unsigned"), ("Wave", "signed"), ("Validate", "bookkeeping")], commits);
    }
}
