using Dialtone.Core.Signing;
using Dialtone.Core.Tickets;
using Dialtone.Records;

namespace Dialtone.Core.Tests.Loop;

/// <summary>
/// The hash chain over a ticket's attestations and validation: appending links each entry to the one
/// before, and every hand edit of a stored field, a removal, a reordering or a transplant shows.
/// </summary>
public sealed class ChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 9, 0, 0, 123, TimeSpan.Zero);

    private static Ticket NewTicket(string name = "chained") => new()
    {
        Name = name,
        Branch = name,
        Subtasks =
        [
            new Subtask { Name = "one", Description = "d", Conditions = ["exits 0"], TestCommand = "true" },
            new Subtask { Name = "two", Description = "d", Conditions = ["exits 0"], TestCommand = "test -f two.txt" },
            new Subtask { Name = "three", Description = "d", Conditions = ["exits 0"], TestCommand = "make check" },
        ],
    };

    private static Attestation Signed(string subtask, int minute, string tree) => new()
    {
        Subtask = subtask,
        Command = "test -f " + subtask,
        ExitCode = 0,
        DurationMs = 40 + minute,
        Tree = tree,
        OutputDigest = new string((char)('a' + minute), 64),
        SignedAt = T0.AddMinutes(minute),
        Signer = "Test User",
        PrevHash = "",
    };

    /// <summary>Three attestations and a validation sealed on top, all consistent.</summary>
    private static Ticket ThreeSignedAndValidated()
    {
        var ticket = NewTicket();
        Chain.Append(ticket, Signed("one", 1, new string('1', 40)));
        Chain.Append(ticket, Signed("two", 2, new string('2', 40)));
        Chain.Append(ticket, Signed("three", 3, new string('3', 40)));
        Chain.Seal(ticket, new Validation
        {
            Tree = new string('3', 40),
            ValidatedAt = T0.AddMinutes(4),
            Passed = true,
            Results = [new("one", 0, 10, true), new("two", 0, 11, true), new("three", 0, 12, true)],
            PrevHash = "",
        });
        return ticket;
    }

    [Fact]
    public void Genesis_IsSixtyFourZeros_AndTheHeadOfAnEmptyChain()
    {
        var ticket = NewTicket();

        Assert.Equal(new string('0', 64), Chain.Genesis);
        Assert.Equal(Chain.Genesis, Chain.HeadHash(ticket));
        Assert.Null(Chain.Verify(ticket));
    }

    [Fact]
    public void Append_NumbersLinksAndHashes()
    {
        var ticket = NewTicket();

        var first = Chain.Append(ticket, Signed("one", 1, new string('1', 40)));
        var second = Chain.Append(ticket, Signed("two", 2, new string('2', 40)));

        Assert.Equal(1, first.Seq);
        Assert.Equal(Chain.Genesis, first.PrevHash);
        Assert.Equal(2, second.Seq);
        Assert.Equal(first.Hash, second.PrevHash);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(second.Hash, Chain.HeadHash(ticket));
        Assert.Equal(Chain.HashOf(ticket.Name, second), second.Hash);
        Assert.Null(Chain.Verify(ticket));
    }

    [Fact]
    public void Seal_LinksTheValidationToTheHead()
    {
        var ticket = ThreeSignedAndValidated();

        Assert.Equal(ticket.Attestations[^1].Hash, ticket.Validation!.PrevHash);
        Assert.Equal(Chain.HashOf(ticket.Name, ticket.Validation), ticket.Validation.Hash);
        Assert.Null(Chain.Verify(ticket));
    }

    [Fact]
    public void Hash_IsDeterministic_AndDependsOnTheTicketName()
    {
        var a = ThreeSignedAndValidated();
        var b = ThreeSignedAndValidated();

        Assert.Equal(a.Attestations.Select(x => x.Hash), b.Attestations.Select(x => x.Hash));
        Assert.NotEqual(Chain.HashOf("chained", a.Attestations[0]), Chain.HashOf("other-ticket", a.Attestations[0]));
    }

    [Fact]
    public void Fields_AreLengthPrefixed_SoMovingTextBetweenThemChangesTheHash()
    {
        var one = Signed("one", 1, "ab");
        one.OutputDigest = "c";
        var moved = Signed("one", 1, "a");
        moved.OutputDigest = "bc";

        Assert.NotEqual(Chain.HashOf("t", one), Chain.HashOf("t", moved));
    }

    public static TheoryData<string> AttestationFields =>
    [
        "subtask", "command", "exitCode", "durationMs", "tree", "outputDigest", "signedAt", "signer", "prevHash", "hash", "seq",
    ];

    [Theory]
    [MemberData(nameof(AttestationFields))]
    public void EditingAnyFieldOfAnAttestation_IsDetected(string field)
    {
        var ticket = ThreeSignedAndValidated();
        var middle = ticket.Attestations[1];
        switch (field)
        {
            case "subtask": middle.Subtask = "three"; break;
            case "command": middle.Command = "true"; break;
            case "exitCode": middle.ExitCode = 1; break;
            case "durationMs": middle.DurationMs += 1; break;
            case "tree": middle.Tree = new string('f', 40); break;
            case "outputDigest": middle.OutputDigest = new string('0', 64); break;
            case "signedAt": middle.SignedAt = middle.SignedAt.AddSeconds(1); break;
            case "signer": middle.Signer = "Someone Else"; break;
            case "prevHash": middle.PrevHash = Chain.Genesis; break;
            case "hash": middle.Hash = new string('e', 64); break;
            case "seq": middle.Seq = 7; break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }

        var broken = Chain.Verify(ticket);

        Assert.False(broken is null, $"an edit of '{field}' went unnoticed");
    }

    [Fact]
    public void EditedField_IsReportedOnTheEditedAttestation()
    {
        var ticket = ThreeSignedAndValidated();
        ticket.Attestations[1].ExitCode = 1;

        Assert.Equal("attestation 2 ('two') does not match its hash", Chain.Verify(ticket));
    }

    [Fact]
    public void RemovingTheFirstAttestation_IsDetected()
    {
        var ticket = ThreeSignedAndValidated();
        ticket.Attestations.RemoveAt(0);

        Assert.NotNull(Chain.Verify(ticket));
    }

    [Fact]
    public void RemovingAMiddleAttestation_IsDetected_EvenWithSequenceNumbersRewritten()
    {
        var ticket = ThreeSignedAndValidated();
        ticket.Attestations.RemoveAt(1);
        ticket.Attestations[1].Seq = 2;

        var broken = Chain.Verify(ticket);

        Assert.NotNull(broken);
        Assert.Contains("attestation 2", broken, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovingTheLastAttestation_IsDetectedThroughTheValidationThatLinksToIt()
    {
        var ticket = ThreeSignedAndValidated();
        ticket.Attestations.RemoveAt(2);

        Assert.Equal("the validation does not link to any attestation", Chain.Verify(ticket));
    }

    [Fact]
    public void ReorderingAttestations_IsDetected()
    {
        var ticket = ThreeSignedAndValidated();
        (ticket.Attestations[0], ticket.Attestations[1]) = (ticket.Attestations[1], ticket.Attestations[0]);

        Assert.NotNull(Chain.Verify(ticket));
    }

    [Fact]
    public void DuplicatingAnAttestation_IsDetected()
    {
        var ticket = NewTicket();
        Chain.Append(ticket, Signed("one", 1, new string('1', 40)));
        ticket.Attestations.Add(ticket.Attestations[0]);

        Assert.NotNull(Chain.Verify(ticket));
    }

    [Fact]
    public void TransplantingAChainIntoAnotherTicket_IsDetected()
    {
        var source = ThreeSignedAndValidated();
        var target = NewTicket("other-ticket");
        target.Attestations = source.Attestations;

        Assert.NotNull(Chain.Verify(target));
    }

    [Fact]
    public void AnAttestationOfAnUnknownSubtask_IsDetected()
    {
        var ticket = ThreeSignedAndValidated();
        ticket.Subtasks.RemoveAll(s => s.Name == "two");

        Assert.Equal("attestation 2 signs 'two', which is not a subtask of the ticket", Chain.Verify(ticket));
    }

    [Fact]
    public void ADoneSubtaskWithoutASignature_IsDetected()
    {
        var ticket = NewTicket();
        Chain.Append(ticket, Signed("one", 1, new string('1', 40)));
        ticket.Subtasks[0].Status = SubtaskStatus.Done;
        Assert.Null(Chain.Verify(ticket));

        ticket.Subtasks[1].Status = SubtaskStatus.Done;

        Assert.Equal("subtask 'two' is marked done but was never signed", Chain.Verify(ticket));
    }

    [Theory]
    [InlineData("passed")]
    [InlineData("tree")]
    [InlineData("validatedAt")]
    [InlineData("results")]
    [InlineData("prevHash")]
    [InlineData("hash")]
    public void EditingTheValidation_IsDetected(string field)
    {
        var ticket = ThreeSignedAndValidated();
        var v = ticket.Validation!;
        switch (field)
        {
            case "passed": v.Passed = false; break;
            case "tree": v.Tree = new string('9', 40); break;
            case "validatedAt": v.ValidatedAt = v.ValidatedAt.AddMinutes(1); break;
            case "results": v.Results[1] = v.Results[1] with { ExitCode = 1, Passed = false }; break;
            case "prevHash": v.PrevHash = ticket.Attestations[0].Hash; break;
            case "hash": v.Hash = new string('d', 64); break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }

        Assert.False(Chain.Verify(ticket) is null, $"an edit of validation '{field}' went unnoticed");
    }

    [Fact]
    public void AValidationOfAnEmptyChain_LinksToGenesis()
    {
        var ticket = NewTicket();

        var validation = Chain.Seal(ticket, new Validation { Tree = new string('0', 40), ValidatedAt = T0, Passed = false, PrevHash = "" });

        Assert.Equal(Chain.Genesis, validation.PrevHash);
        Assert.Null(Chain.Verify(ticket));
    }
}
