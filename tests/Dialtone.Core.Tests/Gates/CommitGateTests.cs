using Dialtone.Core.Gates;
using Dialtone.Core.Signing;
using Dialtone.Core.Tickets;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.Tests.Gates;

/// <summary>The commit gate's rule on records and facts alone: no git, no store.</summary>
public sealed class CommitGateTests
{
    private const string TreeA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string TreeB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string TreeC = "cccccccccccccccccccccccccccccccccccccccc";

    private static readonly TreeChange[] SomeWork = [new('A', "a.txt")];

    private const string Theirs = "dddddddddddddddddddddddddddddddddddddddd";

    private const string BaseConfig = "{ \"test\": { \"timeoutSeconds\": 600 } }";

    [Fact]
    public void RealMerge_Passes_WithoutLookingAtTheStagedTree()
    {
        var verdict = CommitGate.Decide(Ticket(("parse", SubtaskStatus.Todo)), new FixedFacts { MergeState = new MergeHead([Theirs], null) });

        Assert.Equal(CommitVerdictKind.Merge, verdict.Kind);
        Assert.True(verdict.Passed);
        Assert.Null(verdict.TrailerSubtask);
        Assert.Equal([Theirs], verdict.MergedCommits);
    }

    [Fact]
    public void IgnoredMergeHead_IsJudgedLikeAnyCommit_WithAWarning()
    {
        var fake = new MergeHead([TreeA], "it names HEAD (aaaaaaaaaaaa) itself");

        var verdict = CommitGate.Decide(Ticket(("parse", SubtaskStatus.Progress)), new FixedFacts { MergeState = fake, Staged = TreeA, FromHead = SomeWork });

        Assert.Equal(CommitVerdictKind.Blocked, verdict.Kind);
        Assert.Equal("parse", verdict.Unsigned);
        Assert.Contains(verdict.Warnings, w => w.StartsWith("MERGE_HEAD was ignored: it names HEAD", StringComparison.Ordinal));
    }

    [Fact]
    public void PolicyChange_IsBlocked_EvenWhenTheWorkIsSigned()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Progress));
        ticket.BaseBranch = "main";
        Sign(ticket, "parse", TreeA);
        var raised = "{ \"test\": { \"timeoutSeconds\": 6000 }, \"alerts\": { \"watch\": [] } }";

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Config = new ConfigChange(BaseConfig, raised), Staged = TreeA });

        Assert.Equal(CommitVerdictKind.Policy, verdict.Kind);
        Assert.False(verdict.Passed);
        Assert.Contains("'test.timeoutSeconds' changed from 600 to 6000", verdict.PolicyChanges);
        Assert.Contains(verdict.PolicyChanges, c => c.StartsWith("'alerts.watch' no longer watches", StringComparison.Ordinal));
        Assert.Equal(CommitGate.RestoreConfigAction, verdict.Action);
        Assert.Contains("on the base branch 'main'", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddedWatchPatterns_AreBookkeeping()
    {
        var watched = "{ \"test\": { \"timeoutSeconds\": 600 }, \"alerts\": { \"watch\": [\"docs/**/*.md\", \"**/*spec*.{md,yaml,yml,json}\", \"**/*openapi*.{yaml,yml,json}\", \"**/*swagger*.{yaml,yml,json}\", \"design/*.md\"] } }";

        var verdict = CommitGate.Decide(Ticket(("parse", SubtaskStatus.Todo)), new FixedFacts { Config = new ConfigChange(BaseConfig, watched), FromHead = [] });

        Assert.Equal(CommitVerdictKind.Bookkeeping, verdict.Kind);
    }

    [Fact]
    public void RealMerge_BringingTheBasesPolicy_Passes_ButAddingPolicyInTheMergeDoesNot()
    {
        var merge = new MergeHead([Theirs], null);
        var basePolicy = "{ \"test\": { \"timeoutSeconds\": 900 } }";

        var brought = CommitGate.Decide(Ticket(), new FixedFacts { MergeState = merge, Config = new ConfigChange(BaseConfig, basePolicy), ConfigOf = { [Theirs] = basePolicy } });
        var sneaked = CommitGate.Decide(Ticket(), new FixedFacts { MergeState = merge, Config = new ConfigChange(BaseConfig, "{ \"test\": { \"timeoutSeconds\": 99999 } }"), ConfigOf = { [Theirs] = basePolicy } });

        Assert.Equal(CommitVerdictKind.Merge, brought.Kind);
        Assert.Equal(CommitVerdictKind.Policy, sneaked.Kind);
    }

    [Fact]
    public void StagedTreeOfADoneSubtasksSignature_Passes_NamingIt()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Done), ("render", SubtaskStatus.Todo));
        Sign(ticket, "parse", TreeA);

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Staged = TreeA });

        Assert.Equal(CommitVerdictKind.Signed, verdict.Kind);
        Assert.Equal("parse", verdict.TrailerSubtask);
        Assert.Equal(1, verdict.Signature!.Seq);
    }

    [Fact]
    public void CurrentSubtaskSignedButNotYetMarkedDone_Passes()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Progress));
        Sign(ticket, "parse", TreeA);

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Staged = TreeA });

        Assert.Equal(CommitVerdictKind.Signed, verdict.Kind);
        Assert.Equal("parse", verdict.TrailerSubtask);
    }

    [Fact]
    public void OlderSignature_StillCovers_ItsTree()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Done), ("render", SubtaskStatus.Progress));
        Sign(ticket, "parse", TreeA);
        Sign(ticket, "render", TreeB);

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Staged = TreeA, FromHead = SomeWork });

        Assert.Equal(CommitVerdictKind.Signed, verdict.Kind);
        Assert.Equal("parse", verdict.TrailerSubtask);
    }

    [Fact]
    public void SeveralSignaturesOfTheSameTree_TheLatestNamesTheCommit()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Done), ("render", SubtaskStatus.Progress));
        Sign(ticket, "parse", TreeA);
        Sign(ticket, "render", TreeA);

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Staged = TreeA });

        Assert.Equal("render", verdict.TrailerSubtask);
    }

    [Fact]
    public void NothingOutsideBookkeeping_Passes_WithoutASubtaskTrailer()
    {
        var verdict = CommitGate.Decide(Ticket(("parse", SubtaskStatus.Todo)), new FixedFacts { FromHead = [] });

        Assert.Equal(CommitVerdictKind.Bookkeeping, verdict.Kind);
        Assert.Null(verdict.TrailerSubtask);
    }

    [Fact]
    public void UnsignedWork_IsBlocked_NamingTheCurrentSubtask_AndTheFix()
    {
        var verdict = CommitGate.Decide(Ticket(("parse", SubtaskStatus.Progress)), new FixedFacts { Staged = TreeA, FromHead = SomeWork });

        Assert.Equal(CommitVerdictKind.Blocked, verdict.Kind);
        Assert.Equal("parse", verdict.Unsigned);
        Assert.Null(verdict.LastSignature);
        Assert.Equal(SomeWork, verdict.Changed);
        Assert.Equal("./dialtone.sh ticket next", verdict.Action);
        Assert.Equal("Then sign it: ./dialtone.sh ticket log \"SIGN: parse test-command is idempotent and PASS\"", verdict.Hint);
    }

    [Fact]
    public void WorkChangedSinceTheLastSignature_IsBlocked_WithThePaths()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Done), ("render", SubtaskStatus.Todo));
        Sign(ticket, "parse", TreeA);
        TreeChange[] since = [new('M', "src/parse.cs"), new('A', "src/render.cs")];

        var verdict = CommitGate.Decide(ticket, new FixedFacts
        {
            Staged = TreeB,
            FromHead = SomeWork,
            WorkTree = TreeC,
            Since = { [TreeA] = since },
        });

        Assert.Equal(CommitVerdictKind.Blocked, verdict.Kind);
        Assert.Equal("render", verdict.Unsigned);
        Assert.Equal("parse", verdict.LastSignature!.Subtask);
        Assert.Equal(since, verdict.Changed);
        Assert.False(verdict.OnlyStagingDiffers);
        Assert.Contains("SIGN: render", verdict.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkTreeIsTheSignedTree_ButOnlyPartOfItIsStaged_SaysStageAll()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Progress));
        Sign(ticket, "parse", TreeA);

        var verdict = CommitGate.Decide(ticket, new FixedFacts
        {
            Staged = TreeB,
            FromHead = SomeWork,
            WorkTree = TreeA,
            Since = { [TreeA] = [new('D', "b.txt")] },
        });

        Assert.True(verdict.OnlyStagingDiffers);
        Assert.Null(verdict.Unsigned);
        Assert.Equal(CommitGate.StageAllAction, verdict.Action);
    }

    [Fact]
    public void SignatureOfAnEditedTestCommand_NoLongerCounts()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Progress));
        Sign(ticket, "parse", TreeA);
        ticket.Subtasks[0].TestCommand = "make test";

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Staged = TreeA, FromHead = SomeWork });

        Assert.Equal(CommitVerdictKind.Blocked, verdict.Kind);
        Assert.Equal("parse", verdict.Unsigned);
        Assert.Null(verdict.LastSignature);
    }

    [Fact]
    public void CurrentSubtaskSigned_AndNothingLeft_NewWorkNeedsANewSubtask()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Progress));
        Sign(ticket, "parse", TreeA);

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Staged = TreeB, FromHead = SomeWork, WorkTree = TreeB, Since = { [TreeA] = SomeWork } });

        Assert.Null(verdict.Unsigned);
        Assert.StartsWith("./dialtone.sh ticket subtask add", verdict.Action, StringComparison.Ordinal);
    }

    [Fact]
    public void CurrentSubtaskSigned_WithMoreToDo_SaysMoveOn()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Progress), ("render", SubtaskStatus.Todo));
        Sign(ticket, "parse", TreeA);

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Staged = TreeB, FromHead = SomeWork, WorkTree = TreeB, Since = { [TreeA] = SomeWork } });

        Assert.Equal("./dialtone.sh ticket next", verdict.Action);
        Assert.StartsWith("That marks 'parse' done", verdict.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSubtasks_SaysAddOne()
    {
        var verdict = CommitGate.Decide(Ticket(), new FixedFacts { Staged = TreeA, FromHead = SomeWork });

        Assert.Null(verdict.Unsigned);
        Assert.StartsWith("./dialtone.sh ticket subtask add", verdict.Action, StringComparison.Ordinal);
    }

    [Fact]
    public void IncompleteCurrentSubtask_SaysWhichFieldsToAdd()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Todo));
        ticket.Subtasks[0].TestCommand = null;

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Staged = TreeA, FromHead = SomeWork });

        Assert.Equal("./dialtone.sh ticket subtask edit parse --test \"<idempotent command>\"", verdict.Action);
    }

    [Fact]
    public void DoneTicket_NewWorkBelongsToANewTicket()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Done));
        Sign(ticket, "parse", TreeA);
        ticket.Status = TicketStatus.Done;

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Staged = TreeB, FromHead = SomeWork, WorkTree = TreeB, Since = { [TreeA] = SomeWork } });

        Assert.Equal("./dialtone.sh ticket start <next-ticket>", verdict.Action);
    }

    [Fact]
    public void Reasons_ExplainEveryStep()
    {
        var ticket = Ticket(("parse", SubtaskStatus.Progress));
        Sign(ticket, "parse", TreeA);

        var verdict = CommitGate.Decide(ticket, new FixedFacts { Staged = TreeA });

        Assert.Contains(verdict.Reasons, r => r.Contains(TreeA, StringComparison.Ordinal) && r.Contains("counts", StringComparison.Ordinal));
        Assert.Contains(verdict.Reasons, r => r.EndsWith(": pass", StringComparison.Ordinal));
    }

    private static Ticket Ticket(params (string Name, SubtaskStatus Status)[] subtasks)
    {
        var ticket = new Ticket { Name = "feature", Branch = "feature" };
        foreach (var (name, status) in subtasks)
        {
            ticket.Subtasks.Add(new Subtask { Name = name, Description = "d", Conditions = ["exits 0"], TestCommand = "true", Status = status });
        }

        return ticket;
    }

    private static void Sign(Ticket ticket, string subtask, string tree) => Chain.Append(ticket, new Attestation
    {
        Subtask = subtask,
        Command = ticket.FindSubtask(subtask)!.TestCommand!,
        Tree = tree,
        OutputDigest = new string('0', 64),
        Signer = "Test User <test@example.com>",
        PrevHash = "",
        SignedAt = DateTimeOffset.UnixEpoch,
    });
}
