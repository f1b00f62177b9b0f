namespace Dialtone.Cli.Tests.Verify;

/// <summary>
/// Records and invocations verify cannot take at their word: each answer is one clear line, the
/// right exit code (1 when the committed record does not hold, 2 when verify was asked wrongly) and
/// one [ACTION], never a stack trace.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(HonestTicketCollection.Name)]
public sealed class VerifyInputTests(HonestTicket honest)
{
    [Fact]
    public void RecordThatIsNotJson_Fails_WithOneLine()
    {
        using var clone = honest.Clone();
        clone.Write(HonestTicket.RecordPath, "{ \"format\": 2, \"ticket\": \"feature\", oops\n");
        Verifier.CommitPastTheGate(clone, "Break the record");

        var result = Verifier.Expect(1, clone);

        Assert.Equal("[FAIL] record: .dialtone/tickets/feature.json is not trusted: it is not valid JSON (line 1).", Assert.Single(Verifier.Tagged(result, "[FAIL]"), l => l.StartsWith("[FAIL] record", StringComparison.Ordinal)));
        Assert.Equal("[ACTION] git log --format='%h %s' -- .dialtone/tickets/feature.json", result.Lines.Last());
        Assert.Equal(5, result.Lines.Count());
    }

    [Fact]
    public void RecordWithABrokenChain_Fails_NamingTheEntry()
    {
        using var clone = honest.Clone();
        var forge = new Forge(clone);
        forge.Record.Attestations[0].Command = "true";
        File.WriteAllBytes(forge.Path, Dialtone.Records.RecordCodec.Serialize(forge.Record));
        Verifier.CommitPastTheGate(clone, "Make greet's test easier");

        var result = Verifier.Expect(1, clone);

        Assert.Contains("[FAIL] record: .dialtone/tickets/feature.json is not trusted: its hash chain does not hold (attestation 1 ('greet') does not match its hash): it was edited by hand.", result.Lines);
    }

    [Fact]
    public void BranchWhoseCommitsNameTheTicket_ButNoRecord_Fails()
    {
        using var clone = honest.Clone();
        clone.Git("rm", "-q", HonestTicket.RecordPath);
        Verifier.CommitPastTheGate(clone, "Lose the record");

        var result = Verifier.Expect(1, clone);

        Assert.Contains("[FAIL] record: ticket 'feature' has no record at HEAD (.dialtone/tickets/feature.json), but the branch's commits say they are its work.", result.Lines);
        Assert.Equal("[ACTION] ./dialtone.sh ticket status", result.Lines.Last());
    }

    [Fact]
    public void DetachedHead_ThatNamesNoTicket_IsBadInput()
    {
        using var clone = honest.Clone();
        clone.Git("checkout", "-q", "--detach", "origin/main");

        var result = Verifier.Expect(2, clone);

        Assert.Equal(
            [
                "[FAIL] HEAD is detached and nothing names its ticket: no --ticket, no DIALTONE_TICKET, no CI branch variable, no Dialtone-Ticket trailer on HEAD.",
                "[ACTION] ./dialtone.sh verify --ticket <ticket>",
            ],
            result.Lines);
    }

    [Fact]
    public void ATicketNameThatIsNoName_IsBadInput()
    {
        using var clone = honest.Clone();

        var result = Verifier.Expect(2, clone, "--ticket", "../etc/passwd");

        Assert.Equal("[FAIL] '../etc/passwd' is not a ticket name (lowercase letters, digits and dashes).", result.Lines.First());
    }

    [Fact]
    public void BaseThatDoesNotExist_IsBadInput_NamingIt()
    {
        using var clone = honest.Clone();

        var result = Verifier.Expect(2, clone, "--base", "no-such-branch");

        Assert.Equal(
            [
                "[FAIL] The base 'no-such-branch' names no commit in this repository; pass the branch the ticket will merge into.",
                "[ACTION] ./dialtone.sh verify --base <base-branch>",
            ],
            result.Lines);
    }

    [Fact]
    public void ChangesInTheWorkTree_AreBadInput_VerifyChecksHead()
    {
        using var clone = honest.Clone();
        clone.Write("a.txt", "edited after the commit\n");
        clone.Write("stray.txt", "untracked\n");

        var result = Verifier.Expect(2, clone);

        Assert.Equal(
            [
                "[FAIL] verify checks what HEAD records, on a clean checkout, but the work tree has changes: a.txt, stray.txt. Commit or stash them first.",
                "[ACTION] git stash --include-untracked",
            ],
            result.Lines);
    }

    [Fact]
    public void BadInput_StillWritesTheSummary()
    {
        using var clone = honest.Clone();
        var summary = clone.Sibling("summary-bad-input.md");

        Verifier.Expect(2, clone, "--base", "no-such-branch", "--summary", summary);

        Assert.Equal("## Dialtone verify `feature`: could not run\n\nThe base 'no-such-branch' names no commit in this repository; pass the branch the ticket will merge into.\n\n", File.ReadAllText(summary));
    }
}
