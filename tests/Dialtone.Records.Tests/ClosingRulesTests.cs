namespace Dialtone.Records.Tests;

/// <summary>
/// What a record says about being done, validated and signed must agree with what its chain proves:
/// the fields people and tools read are checked, never trusted as written.
/// </summary>
public sealed class ClosingRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A format-2 record with two signed subtasks and a passing validation of both.</summary>
    private static TicketRecord Validated()
    {
        var record = new TicketRecord { Ticket = "closing", Revision = 3, Branch = "closing", Status = "open" };
        var previous = ChainHash.Genesis;
        foreach (var name in new[] { "one", "two" })
        {
            record.Subtasks.Add(new RecordSubtask { Name = name, Status = "done", Test = "true" });
            var a = new Attestation
            {
                Seq = record.Attestations.Count + 1, Subtask = name, Command = "true", Tree = new string('a', 40),
                OutputDigest = new string('0', 64), Signer = "dev", SignedAt = At, PrevHash = previous,
            };
            a.Hash = ChainHash.Of(record.Ticket, a);
            previous = a.Hash;
            record.Attestations.Add(a);
        }

        record.Validation = new Validation
        {
            Tree = new string('a', 40), ValidatedAt = At, Passed = true, PrevHash = previous,
            Results = [new("one", 0, 1, true), new("two", 0, 1, true)],
        };
        record.Validation.Hash = ChainHash.Of(record.Ticket, record.Validation);
        return record;
    }

    private static void Close(TicketRecord record, string tip)
    {
        record.Done = new DoneSeal { At = At, Tip = tip, EvidenceHead = RecordVerifier.EvidenceHead(record), PrevHash = record.Validation!.Hash };
        record.Done.Hash = ChainHash.Of(record.Ticket, record.Done);
        record.Status = "done";
        record.Tip = tip;
    }

    [Fact]
    public void AValidatedRecord_Verifies_AndCovers()
    {
        var record = Validated();

        Assert.Null(RecordVerifier.Verify(record));
        Assert.True(RecordVerifier.ValidationCovers(record));
    }

    [Fact]
    public void AClosedRecord_Verifies()
    {
        var record = Validated();
        Close(record, "a real lesson");

        Assert.Null(RecordVerifier.Verify(record));
    }

    [Fact]
    public void DoneWithoutASeal_IsNotTrusted()
    {
        var record = Validated();
        record.Status = "done";

        Assert.Equal("it says done, but has no done seal", RecordVerifier.Verify(record));
    }

    [Fact]
    public void ATipWithoutASeal_IsNotTrusted()
    {
        var record = Validated();
        record.Tip = "forged";

        Assert.Equal("it has a tip, but the ticket was never closed with one", RecordVerifier.Verify(record));
    }

    [Fact]
    public void AnEditedTip_IsNotTrusted()
    {
        var record = Validated();
        Close(record, "a real lesson");
        record.Tip = "a forged lesson";

        Assert.Equal("its tip is not the one sealed when the ticket was closed", RecordVerifier.Verify(record));
    }

    [Fact]
    public void AValidationWithFewerResultsThanSubtasks_DoesNotCover_AndCannotBeClosedOn()
    {
        var record = Validated();
        record.Validation!.Results.RemoveAt(1);
        record.Validation.Hash = ChainHash.Of(record.Ticket, record.Validation);

        Assert.Null(RecordVerifier.Verify(record));
        Assert.False(RecordVerifier.ValidationCovers(record));

        Close(record, "a lesson");
        Assert.Equal("the done seal does not rest on a passing validation of every subtask", RecordVerifier.Verify(record));
    }

    [Fact]
    public void APassingValidation_WithAFailedResult_IsNotTrusted()
    {
        var record = Validated();
        record.Validation!.Results[1] = new("two", 1, 1, false);
        record.Validation.Hash = ChainHash.Of(record.Ticket, record.Validation);

        Assert.Equal("the validation says it passed, but one of its results did not", RecordVerifier.Verify(record));
    }

    [Fact]
    public void EvidenceDroppedFromTheMiddle_Shows()
    {
        var record = Validated();
        var previous = ChainHash.Genesis;
        for (var i = 1; i <= 3; i++)
        {
            var e = new Evidence { Seq = i, Kind = EvidenceKinds.GateSkipped, At = At, Detail = $"skip {i}", PrevHash = previous };
            e.Hash = ChainHash.Of(record.Ticket, e);
            previous = e.Hash;
            record.Evidence.Add(e);
        }

        Assert.Null(RecordVerifier.Verify(record));
        record.Evidence.RemoveAt(1);
        Assert.Equal("evidence 2 does not link to the one before it", RecordVerifier.Verify(record));
    }

    [Fact]
    public void EvidenceDroppedAfterClosing_Shows()
    {
        var record = Validated();
        var e = new Evidence { Seq = 1, Kind = EvidenceKinds.UnverifiedCommit, At = At, Detail = "commit abc1234 skipped the gate", PrevHash = ChainHash.Genesis };
        e.Hash = ChainHash.Of(record.Ticket, e);
        record.Evidence.Add(e);
        Close(record, "a lesson");

        record.Evidence.Clear();

        Assert.Equal("the done seal names evidence the record no longer has", RecordVerifier.Verify(record));
    }

    [Fact]
    public void Format1Done_IsBelievedOnlyWithACoveringValidation()
    {
        var record = Validated();
        record.Format = 1;
        record.Status = "done";
        record.Tip = "legacy tip";
        Assert.Null(RecordVerifier.Verify(record));

        record.Validation!.Results.RemoveAt(1);
        record.Validation.Hash = ChainHash.Of(record.Ticket, record.Validation);
        Assert.Equal("it says done, but has no passing validation of every subtask", RecordVerifier.Verify(record));
    }

    [Fact]
    public void UnknownStatus_AndNewerFormat_AreReported()
    {
        var record = Validated();
        record.Status = "shipped";
        Assert.Equal("its status is 'shipped', not open or done", RecordVerifier.Verify(record));

        record = Validated();
        record.Format = TicketRecord.CurrentFormat + 1;
        Assert.StartsWith($"it has format {TicketRecord.CurrentFormat + 1}", RecordVerifier.Verify(record), StringComparison.Ordinal);
    }
}
