using Dialtone.Records;

namespace Dialtone.Cli.Tests.Verify;

/// <summary>
/// What an agent that wants its ticket merged without the work might commit, each time with every
/// hash recomputed so the record holds together and the local gates pass: verify re-runs the claims
/// and names what does not hold.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(HonestTicketCollection.Name)]
public sealed class VerifyForgeryTests(HonestTicket honest)
{
    [Fact]
    public void ForgedSubtask_WithTestFalse_RecomputedChain_AndEmptyValidation_FailsNamingTheSubtask()
    {
        using var clone = honest.Clone();
        new Forge(clone).AddSubtask("sneaky", "false").Sign("sneaky", "false").Validate().Save();
        Verifier.CommitPastTheGate(clone, "Record sneaky");

        // The chain holds together; the build gate now sees that the validation covers no subtask,
        // but verify goes further: it re-runs the tests and names the one that fails.
        var gate = Cli.Run(clone.Path_, "gate", "build");
        Assert.True(gate.ExitCode == 1, gate.ToString());
        Assert.Contains("DT0001: Ticket 'feature' is not validated: its last validation covers 0 of 3 subtasks.", gate.StdOut, StringComparison.Ordinal);

        var result = Verifier.Expect(1, clone);

        Assert.Contains(result.Lines, l => l.StartsWith("[FAIL] test 'sneaky': `false` failed (exit 1) in ", StringComparison.Ordinal) && l.EndsWith(" at HEAD.", StringComparison.Ordinal));
        Assert.Contains("[FAIL] validation: the last validation does not cover every subtask (0 results for 3 subtasks): no passing result for 'greet', 'docs', 'sneaky'.", result.Lines);
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] test 'greet'", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] commits: all 4 since the merge-base", StringComparison.Ordinal));
        Assert.Contains("[FAIL] Verify failed for ticket 'feature': 2 claims of its record do not hold.", result.Lines);
        Assert.Equal("[ACTION] ./dialtone.sh ticket validate", result.Lines.Last());
    }

    [Fact]
    public void ForgedValidation_WithEveryResult_ButATestThatFailsAtHead_FailsWithItsOutput()
    {
        using var clone = honest.Clone();
        const string Command = "echo boom from the forged test; exit 3";
        new Forge(clone).AddSubtask("broken", Command).Sign("broken", Command).ValidateAll().Save();
        Verifier.CommitPastTheGate(clone, "Record broken");
        var summary = clone.Sibling("summary-broken.md");

        var result = Verifier.Expect(1, clone, "--summary", summary);

        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] validation: passed at HEAD's tree", StringComparison.Ordinal));
        var failure = Assert.Single(Verifier.Tagged(result, "[FAIL]"), l => l.StartsWith("[FAIL] test", StringComparison.Ordinal));
        Assert.StartsWith($"[FAIL] test 'broken': `{Command}` failed (exit 3) in ", failure, StringComparison.Ordinal);
        var lines = result.Lines.ToList();
        Assert.Equal("  | boom from the forged test", lines[lines.IndexOf(failure) + 1]);
        Assert.StartsWith("[MESSAGE] Fix: a signed test must pass again at HEAD and touch nothing", lines[lines.IndexOf(failure) + 2], StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket test", result.Lines.Last());

        var markdown = File.ReadAllText(summary);
        Assert.StartsWith("## Dialtone verify `feature`: failed\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| test broken | **FAIL** | test 'broken': `echo boom from the forged test; exit 3` failed (exit 3) in ", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Output of test broken (last lines)</summary>\n\n```text\nboom from the forged test\n```\n\n</details>", markdown, StringComparison.Ordinal);

        var json = Verifier.Expect(1, clone, "--json").Json.GetProperty("data");
        Assert.False(json.GetProperty("passed").GetBoolean());
        var broken = json.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("subtask").GetString() == "broken");
        Assert.Equal(3, broken.GetProperty("exitCode").GetInt32());
        Assert.False(broken.GetProperty("passed").GetBoolean());
        Assert.Equal("boom from the forged test", broken.GetProperty("outputTail").GetString());
        var check = json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "test broken");
        Assert.False(check.GetProperty("passed").GetBoolean());
        Assert.Equal("./dialtone.sh ticket test", check.GetProperty("action").GetString());
    }

    [Fact]
    public void SecretsInTheEnvironment_NeverReachTheOutputOrTheSummary()
    {
        using var clone = honest.Clone();
        const string Command = "echo \"using $DEPLOY_TOKEN\"; printf '%s' \"$DEPLOY_TOKEN\" | base64; exit 1";
        new Forge(clone).AddSubtask("leaky", Command).Sign("leaky", Command).ValidateAll().Save();
        Verifier.CommitPastTheGate(clone, "Record leaky");
        var summary = clone.Sibling("summary-leaky.md");
        const string Secret = "s3cr3t-deploy-value-0f9e8d";
        var environment = new Dictionary<string, string?> { ["DEPLOY_TOKEN"] = Secret };

        var text = Verifier.Expect(1, clone, environment, "--summary", summary);
        var json = Verifier.Expect(1, clone, environment, "--json");

        var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Secret));
        foreach (var output in new[] { text.StdOut, json.StdOut, File.ReadAllText(summary) })
        {
            Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
            Assert.DoesNotContain(base64, output, StringComparison.Ordinal);
        }

        Assert.Contains("  | using <redacted:DEPLOY_TOKEN>", text.Lines);
    }

    [Fact]
    public void PolicyChange_CommittedPastTheGate_FailsNamingTheCommitAndTheKey()
    {
        using var clone = honest.Clone();
        clone.Write(".dialtone/config.json", "{ \"test\": { \"timeoutSeconds\": 3600 } }\n");
        var sha = Verifier.CommitPastTheGate(clone, "Give tests more time");

        var result = Verifier.Expect(1, clone);

        Assert.Contains($"[FAIL] commit {sha} 'Give tests more time' changes policy in .dialtone/config.json: 'test.timeoutSeconds' changed from 30 to 3600.", result.Lines);
        Assert.Contains($"[FAIL] policy: 'test.timeoutSeconds' changed from 30 to 3600 since the merge-base {honest.Base[..7]}; policy is the human's, committed on the base branch.", result.Lines);
        Assert.Equal($"[ACTION] git reset --soft {honest.Base}", result.Lines.Last());
    }

    [Fact]
    public void PolicyChange_RevertedLater_StillFailsNamingTheCommit()
    {
        using var clone = honest.Clone();
        clone.Write(".dialtone/config.json", "{ \"test\": { \"timeoutSeconds\": 3600 } }\n");
        var raise = Verifier.CommitPastTheGate(clone, "Give tests more time");
        clone.Write(".dialtone/config.json", "{ \"test\": { \"timeoutSeconds\": 30 } }\n");
        var back = Verifier.CommitPastTheGate(clone, "Put it back");

        var result = Verifier.Expect(1, clone);

        Assert.Contains(result.Lines, l => l.StartsWith($"[FAIL] commit {raise} 'Give tests more time' changes policy", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith($"[FAIL] commit {back} 'Put it back' changes policy", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] policy:", StringComparison.Ordinal));
    }

    [Fact]
    public void EvidenceDropped_OrRewritten_InALaterVersion_Fails()
    {
        using var clone = honest.Clone();
        new Forge(clone).AddEvidence(EvidenceKinds.UnverifiedCommit, "commit 1234567 'quick fix' did not pass the commit gate").Save();
        var recorded = Verifier.CommitPastTheGate(clone, "Record evidence");

        // While HEAD's record carries the evidence, the reviewer sees it and verify passes.
        var shown = Verifier.Expect(0, clone);
        Assert.Contains(shown.Lines, l => l.StartsWith("[WARN] evidence #1 unverified-commit (", StringComparison.Ordinal) && l.EndsWith("UTC): commit 1234567 'quick fix' did not pass the commit gate", StringComparison.Ordinal));

        var dropped = new Forge(clone);
        dropped.Record.Evidence.Clear();
        dropped.Save();
        Verifier.CommitPastTheGate(clone, "Tidy the record");

        var result = Verifier.Expect(1, clone);

        Assert.Contains($"[FAIL] evidence: the record committed in {recorded} has evidence #1 unverified-commit (commit 1234567 'quick fix' did not pass the commit gate) that HEAD's record lacks: evidence is append-only.", result.Lines);
        Assert.Equal($"[ACTION] git show {recorded}:.dialtone/tickets/feature.json", result.Lines.Last());
        Assert.Empty(Verifier.Tagged(result, "[WARN]"));

        // Rewording it instead (hash recomputed) is dropping it too.
        var reworded = new Forge(clone).AddEvidence(EvidenceKinds.UnverifiedCommit, "nothing to see here");
        reworded.Save();
        Verifier.CommitPastTheGate(clone, "Reword");
        Assert.Contains(Verifier.Expect(1, clone).Lines, l => l.StartsWith($"[FAIL] evidence: the record committed in {recorded} has evidence #1", StringComparison.Ordinal));
    }

    [Fact]
    public void HangingTest_IsStoppedAtTheConfiguredTimeout_AndFails()
    {
        using var clone = honest.Clone();

        // The human shortens the timeout on main; the branch merges main (a real merge), then a forged subtask hangs.
        clone.Git("switch", "-q", "-c", "main", "origin/main");
        clone.Write(".dialtone/config.json", "{ \"test\": { \"timeoutSeconds\": 1 } }\n");
        clone.Commit("policy: 1 s test timeout");
        clone.Git("switch", "-q", "feature");
        clone.Git("merge", "-q", "--no-edit", "main");
        new Forge(clone).AddSubtask("hang", "sleep 60").Sign("hang", "sleep 60").ValidateAll().Save();
        Verifier.CommitPastTheGate(clone, "Record hang");

        var result = Verifier.Expect(1, clone, "--base", "main");

        Assert.Contains("[FAIL] test 'hang': `sleep 60` was stopped at the 1 s timeout (test.timeoutSeconds) at HEAD.", result.Lines);
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] commits: all 5 since the merge-base are signed (", StringComparison.Ordinal) && l.EndsWith("merges (1).", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("[PASS] policy:", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, l => l.StartsWith("[WARN] merge", StringComparison.Ordinal));
    }

    [Fact]
    public void MergeThatSlipsInWork_IsShownToTheReviewer()
    {
        using var clone = honest.Clone();
        clone.Git("switch", "-q", "-c", "main", "origin/main");
        clone.Write("main.txt", "from main\n");
        clone.Commit("work on main");
        clone.Git("switch", "-q", "feature");
        clone.Git("merge", "-q", "--no-commit", "main");
        clone.Write("extra.txt", "unsigned, under cover of a merge\n");
        var merge = Verifier.CommitPastTheGate(clone, "Merge main");

        var result = Verifier.Expect(1, clone, "--base", "main");

        Assert.Contains($"[WARN] merge {merge} 'Merge main' is not git's own merge of its parents (it changes more than the merge does); review what it adds: git show --remerge-diff {merge}", result.Lines);
        Assert.Contains(result.Lines, l => l.StartsWith("[FAIL] validation: the last validation was made at tree", StringComparison.Ordinal));
    }

    [Fact]
    public void BranchRenamedAwayFromItsTicket_WithoutTrailers_StillVerifiesTheRecordItChanges()
    {
        using var clone = honest.Clone();
        new Forge(clone).AddSubtask("sneaky", "false").Sign("sneaky", "false").ValidateAll().Save();
        Verifier.CommitPastTheGate(clone, "Record sneaky");
        clone.Git("switch", "-q", "-c", "innocent-looking");

        var result = Verifier.Expect(1, clone, "--base", "origin/main");

        Assert.StartsWith("[ticket] Verifying ticket 'feature' at HEAD ", result.Lines.First(), StringComparison.Ordinal);
        Assert.Contains(result.Lines, l => l.StartsWith("[FAIL] test 'sneaky': `false` failed (exit 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void RecordWithNoSubtasksAtAll_Fails()
    {
        using var clone = honest.Clone();
        var forge = new Forge(clone);
        forge.Record.Subtasks.Clear();
        forge.Record.Attestations.Clear();
        forge.Validate().Save();
        Verifier.CommitPastTheGate(clone, "Nothing to test");

        var result = Verifier.Expect(1, clone);

        Assert.Contains("[FAIL] validation: the ticket has no subtasks: nothing was signed, nothing is tested.", result.Lines);
        Assert.Contains(result.Lines, l => l.StartsWith("[FAIL] commit ", StringComparison.Ordinal) && l.Contains("'Greet the world' records work no signature covers", StringComparison.Ordinal));
    }

    [Fact]
    public void TestThatMovesHead_Fails_BeforeTheTestsAfterItRunOnOtherCode()
    {
        using var clone = honest.Clone();
        const string Command = "git checkout -q --detach HEAD~2";
        var forge = new Forge(clone).AddSubtask("rewind", Command).Sign("rewind", Command);
        forge.Record.Subtasks.Insert(0, forge.Record.Subtasks[^1]);
        forge.Record.Subtasks.RemoveAt(forge.Record.Subtasks.Count - 1);
        forge.ValidateAll().Save();
        Verifier.CommitPastTheGate(clone, "Record rewind");
        var forged = clone.Git("rev-parse", "--short=7", "HEAD");

        var result = Verifier.Expect(1, clone);

        Assert.Contains(result.Lines, l => l.StartsWith($"[FAIL] test 'rewind': `{Command}` moved HEAD from {forged} to ", StringComparison.Ordinal) && l.EndsWith("; the tests after it were not run.", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, l => l.StartsWith("[PASS] test", StringComparison.Ordinal));
        Assert.Equal("[ACTION] ./dialtone.sh ticket subtask edit rewind --test \"<a command that leaves git alone>\"", result.Lines.Last());
    }
}
