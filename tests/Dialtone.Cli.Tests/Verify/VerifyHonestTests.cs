using System.Text.Json;

namespace Dialtone.Cli.Tests.Verify;

/// <summary>
/// `dialtone verify` on an honest ticket, in a fresh clone with no store: every claim holds, and the
/// answer says so line by line, as one JSON document, and as Markdown for the pull request.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(HonestTicketCollection.Name)]
public sealed class VerifyHonestTests(HonestTicket honest)
{
    [Fact]
    public void HonestTicket_VerifiesGreen_InAFreshClone_WithoutOpeningAStore()
    {
        using var clone = honest.Clone();

        var result = Verifier.Expect(0, clone);

        var head = clone.Git("rev-parse", "--short=7", "HEAD");
        var mergeBase = honest.Base[..7];
        Assert.Equal($"[ticket] Verifying ticket 'feature' at HEAD {head}, base origin/main (merge-base {mergeBase}), 3 commits since.", result.Lines.First());
        Assert.Contains("[PASS] record: .dialtone/tickets/feature.json holds together: revision", result.StdOut, StringComparison.Ordinal);
        Assert.Contains($"[PASS] base: origin/main at {mergeBase}; merge-base with HEAD {mergeBase}.", result.Lines);
        Assert.Contains("[PASS] commits: all 3 since the merge-base are signed (2), bookkeeping (1) or merges (0).", result.Lines);
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] validation: passed at HEAD's tree ", StringComparison.Ordinal) && l.EndsWith("covering all 2 subtasks.", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] test 'greet': `test -f a.txt` passed at HEAD in ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] test 'docs': `test -f README.md` passed at HEAD in ", StringComparison.Ordinal));
        Assert.Contains($"[PASS] policy: .dialtone/config.json at HEAD sets the policy it set at the merge-base {mergeBase}.", result.Lines);
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] evidence: 0 entries;", StringComparison.Ordinal));
        Assert.Equal($"[PASS] Verified ticket 'feature': every claim of its record holds at {head}.", result.Lines.Last());
        Assert.Empty(Verifier.Tagged(result, "[FAIL]"));
        Assert.Empty(Verifier.Tagged(result, "[WARN]"));
        Assert.Equal("", clone.Git("status", "--porcelain"));
    }

    [Fact]
    public void Json_IsOneDocument_WithTicketBaseCommitsTestsAndEvidence()
    {
        using var clone = honest.Clone();

        var result = Verifier.Expect(0, clone, "--json");

        var root = result.Json;
        Assert.Equal("verify", root.GetProperty("command").GetString());
        Assert.True(root.GetProperty("ok").GetBoolean());
        var data = root.GetProperty("data");
        Assert.Equal("feature", data.GetProperty("ticket").GetString());
        Assert.Equal("origin/main", data.GetProperty("base").GetString());
        Assert.Equal(honest.Base, data.GetProperty("mergeBase").GetString());
        Assert.Equal(clone.Git("rev-parse", "HEAD"), data.GetProperty("head").GetString());
        Assert.True(data.GetProperty("passed").GetBoolean());
        var checks = data.GetProperty("checks").EnumerateArray().ToList();
        Assert.All(checks, c => Assert.True(c.GetProperty("passed").GetBoolean()));
        Assert.Equal(
            ["record", "base", "commits", "validation", "test greet", "test docs", "policy", "evidence"],
            checks.Select(c => c.GetProperty("name").GetString()));
        var commits = data.GetProperty("commits").EnumerateArray().ToList();
        Assert.Equal(["Greet the world", "Document the greeting", "Validate feature"], commits.Select(c => c.GetProperty("subject").GetString()));
        Assert.Equal(["signed", "signed", "bookkeeping"], commits.Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal([1, 2, (int?)null], commits.Select(c => c.GetProperty("attestation").ValueKind == JsonValueKind.Null ? (int?)null : c.GetProperty("attestation").GetInt32()));
        var tests = data.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(["greet", "docs"], tests.Select(t => t.GetProperty("subtask").GetString()));
        Assert.All(tests, t =>
        {
            Assert.True(t.GetProperty("passed").GetBoolean());
            Assert.Equal(0, t.GetProperty("exitCode").GetInt32());
            Assert.Equal(JsonValueKind.Null, t.GetProperty("atBase").ValueKind);
        });
        Assert.Empty(data.GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public void Summary_IsAppendedAsMarkdown_ForThePullRequest()
    {
        using var clone = honest.Clone();
        var summary = clone.Sibling("summary-honest.md");
        File.WriteAllText(summary, "## An earlier step\n\n");

        Verifier.Expect(0, clone, "--summary", summary);

        var text = File.ReadAllText(summary);
        Assert.StartsWith("## An earlier step\n\n## Dialtone verify `feature`: passed\n", text, StringComparison.Ordinal);
        Assert.Contains($"HEAD `{clone.Git("rev-parse", "--short=7", "HEAD")}`, base `origin/main` (merge-base `{honest.Base[..7]}`), 3 commits since.", text, StringComparison.Ordinal);
        Assert.Contains("| check | result | detail |\n|---|---|---|\n| record | pass |", text, StringComparison.Ordinal);
        Assert.Contains("| test greet | pass | test 'greet': `test -f a.txt` passed at HEAD in ", text, StringComparison.Ordinal);
        Assert.Contains("### Evidence for the reviewer\n\nNone:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ProveRed_FailsTheTestThatAlreadyPassesAtTheBase_AndRemovesItsWorktree()
    {
        using var clone = honest.Clone();

        var result = Verifier.Expect(1, clone, "--prove-red", "--json");

        var lines = result.Json.GetProperty("lines").EnumerateArray().Select(l => $"[{l.GetProperty("tag").GetString()}] {l.GetProperty("text").GetString()}").ToList();
        var mergeBase = honest.Base[..7];
        Assert.Contains(lines, l => l.StartsWith($"[pass] prove-red 'greet': `test -f a.txt` failed (exit 1) in ", StringComparison.Ordinal) && l.EndsWith($"at the merge-base {mergeBase}: it tests the work.", StringComparison.Ordinal));
        Assert.Contains($"[fail] prove-red 'docs': `test -f README.md` already passes at the merge-base {mergeBase}, without the ticket's work: it does not test the work.", lines);
        Assert.Equal("[action] ./dialtone.sh ticket subtask edit docs --test \"<a command that fails without the work>\"", lines[^1]);
        Assert.Single(lines, l => l.StartsWith("[fail]", StringComparison.Ordinal) && !l.StartsWith("[fail] Verify failed", StringComparison.Ordinal));
        var tests = result.Json.GetProperty("data").GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(1, tests[0].GetProperty("atBase").GetProperty("exitCode").GetInt32());
        Assert.True(tests[1].GetProperty("atBase").GetProperty("passed").GetBoolean());
        Assert.Single(clone.Git("worktree", "list").Split('\n'));
        Assert.Equal("", clone.Git("status", "--porcelain"));
    }

    [Fact]
    public void DetachedHead_FindsTheTicket_FromTheCiVariable_OrHeadsTrailer()
    {
        using var clone = honest.Clone();
        clone.Git("checkout", "-q", "--detach");

        // HEAD's commit went through the gate, so its Dialtone-Ticket trailer names the ticket.
        Verifier.Expect(0, clone);

        // A CI checkout of a commit without trailers: the branch variable names the ticket.
        clone.Git("commit", "-q", "--allow-empty", "--no-verify", "-m", "empty, no trailer");
        var viaCi = Verifier.Expect(0, clone, new Dictionary<string, string?> { ["GITHUB_HEAD_REF"] = "feature" });
        Assert.Contains("[PASS] commits: all 4 since the merge-base are signed (2), bookkeeping (2) or merges (0).", viaCi.Lines);
        Verifier.Expect(0, clone, "--ticket", "feature", "--base", "main");
    }

    [Fact]
    public void BranchWithoutATicket_HasNothingToVerify()
    {
        using var clone = honest.Clone();
        clone.Git("switch", "-q", "-c", "plain-work", "origin/main");

        var summary = clone.Sibling("summary-plain.md");

        var result = Verifier.Expect(0, clone, "--summary", summary);

        Assert.Equal(["[WARN] Branch 'plain-work' has no ticket record and no commit names it as a ticket: nothing to verify."], result.Lines);
        Assert.Equal("## Dialtone verify: nothing to verify\n\nBranch 'plain-work' has no ticket record and no commit names it as a ticket: nothing to verify.\n\n", File.ReadAllText(summary));
    }

    [Fact]
    public void AddingAWatchPattern_IsNotPolicy_AndVerifiesGreen()
    {
        using var clone = honest.Clone();
        // The defaults stay watched (dropping one would be policy); one more pattern is added.
        var watch = string.Join(", ", Dialtone.Core.Alerts.WatchRules.Defaults.Append("api/*.yaml").Select(p => $"\"{p}\""));
        clone.Write(".dialtone/config.json", $"{{ \"test\": {{ \"timeoutSeconds\": 30 }}, \"alerts\": {{ \"watch\": [{watch}] }} }}\n");
        Verifier.CommitPastTheGate(clone, "watch the API spec too");

        var result = Verifier.Expect(0, clone);

        Assert.Contains("[PASS] commits: all 4 since the merge-base are signed (2), bookkeeping (2) or merges (0).", result.Lines);
    }

    [Fact]
    public void BaseThatIsHeadItself_LeavesNoCommitToCheck_AndSaysSo()
    {
        using var clone = honest.Clone();

        var result = Verifier.Expect(0, clone, "--base", "HEAD");

        Assert.Contains(result.Lines, l => l.StartsWith("[WARN] commits: none since the merge-base ", StringComparison.Ordinal) && l.EndsWith("HEAD is already on the base HEAD; is that the branch the ticket merges into?", StringComparison.Ordinal));
    }
}
