using Dialtone.Core.Records;
using Dialtone.Core.Signing;
using Dialtone.Core.Tickets;
using Dialtone.Records;
using Microsoft.Extensions.Time.Testing;

namespace Dialtone.Core.Tests.Records;

public sealed class RecordRoundTripTests : IDisposable
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    private readonly string workTree = Directory.CreateTempSubdirectory("dialtone-record-").FullName;

    public static Ticket Sample()
    {
        var now = Clock.Now(Time);
        var ticket = new Ticket
        {
            Name = "round-trip",
            Description = "unicode ✓ \"quotes\" \n newline",
            Branch = "round-trip",
            BaseBranch = "main",
            BaseCommit = new string('a', 40),
            Parent = "parent-ticket",
            Status = TicketStatus.Open,
            CreatedAt = now.AddMinutes(-5),
            UpdatedAt = now,
            Revision = 7,
            Subtasks =
            [
                new Subtask
                {
                    Name = "one",
                    Description = "first",
                    Conditions = ["exits 0", "prints ok"],
                    TestCommand = "echo ok | grep -q ok",
                    Status = SubtaskStatus.Done,
                    CreatedAt = now.AddMinutes(-4),
                    UpdatedAt = now.AddMinutes(-1),
                    StartedAt = now.AddMinutes(-3),
                },
                new Subtask { Name = "two", Dependencies = ["one"], CreatedAt = now, UpdatedAt = now },
            ],
        };
        Chain.Append(ticket, new Attestation
        {
            Subtask = "one",
            Command = "echo ok | grep -q ok",
            ExitCode = 0,
            DurationMs = 12,
            Tree = new string('b', 40),
            OutputDigest = new string('c', 64),
            SignedAt = now.AddMinutes(-2),
            Signer = "Test User",
            PrevHash = "",
        });
        Chain.Seal(ticket, new Validation { Tree = new string('b', 40), ValidatedAt = now, Passed = true, Results = [new("one", 0, 10, true)], PrevHash = "" });
        Chain.AddEvidence(ticket, EvidenceKinds.RelayedAnswer, "Answer to #1 relayed by the agent.", now.AddMinutes(-1));
        return ticket;
    }

    [Fact]
    public void WriteThenRead_GivesTheSameTicket()
    {
        var ticket = Sample();

        var relative = RecordFile.Write(workTree, ticket);
        var read = RecordFile.Read(workTree, "round-trip");

        Assert.Equal(".dialtone/tickets/round-trip.json", relative);
        Assert.NotNull(read);
        AssertSame(ticket, read);
    }

    [Fact]
    public void Missing_IsNull() => Assert.Null(RecordFile.Read(workTree, "absent"));

    [Fact]
    public void AClosedTicket_RoundTrips_WithItsSeal()
    {
        var ticket = Sample();
        ticket.Subtasks.RemoveAt(1);
        Chain.Close(ticket, "Run the checks with -c Release.", "All done; nothing next.", Clock.Now(Time));

        RecordFile.Write(workTree, ticket);
        var read = RecordFile.Read(workTree, "round-trip");

        Assert.NotNull(read);
        AssertSame(ticket, read);
        Assert.Equal(TicketStatus.Done, read.Status);
        Assert.Equal("All done; nothing next.", read.Done!.Summary);
    }

    [Theory]
    [InlineData("\"parent\": \"parent-ticket\",\n  \"status\": \"done\"", "\"parent\": \"parent-ticket\",\n  \"status\": \"open\"", "has a done seal, but its status says 'open'")]
    [InlineData("\"tip\": \"Run the checks with -c Release.\"\n}", "\"tip\": \"Skip the tests.\"\n}", "its tip is not the one sealed")]
    public void AClosedTicket_EditedByHand_IsNotTrusted(string original, string edited, string problem)
    {
        var ticket = Sample();
        ticket.Subtasks.RemoveAt(1);
        Chain.Close(ticket, "Run the checks with -c Release.", null, Clock.Now(Time));
        RecordFile.Write(workTree, ticket);
        var path = RecordFile.PathIn(workTree, "round-trip");
        var text = File.ReadAllText(path);
        Assert.Contains(original, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(original, edited, StringComparison.Ordinal));

        var error = Assert.Throws<DialtoneError>(() => RecordFile.Read(workTree, "round-trip"));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_IsCamelCaseWithVersion()
    {
        RecordFile.Write(workTree, Sample());
        var text = File.ReadAllText(RecordFile.PathIn(workTree, "round-trip"));

        Assert.Contains("\"format\": 2", text, StringComparison.Ordinal);
        Assert.Contains("\"test\": \"echo ok | grep -q ok\"", text, StringComparison.Ordinal);
        Assert.Contains("\"deps\": [", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CommentsAndUnknownFields_AreTolerated()
    {
        Directory.CreateDirectory(Path.Combine(workTree, ".dialtone", "tickets"));
        File.WriteAllText(RecordFile.PathIn(workTree, "lenient"), """
            // written by a newer dialtone
            { "format": 1, "ticket": "lenient", "revision": 2, "branch": "lenient", "status": "open",
              "futureField": { "x": 1 }, "subtasks": [], }
            """);

        Assert.Equal(2, RecordFile.Read(workTree, "lenient")!.Revision);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("{\"format\": 3, \"ticket\": \"bad\", \"revision\": 1, \"branch\": \"bad\", \"status\": \"open\"}", "format 3 is not supported")]
    [InlineData("{\"format\": 1, \"ticket\": \"bad\", \"revision\": 0, \"branch\": \"bad\", \"status\": \"open\"}", "'revision' must be 1 or more")]
    [InlineData("{\"format\": 1, \"ticket\": \"bad\", \"revision\": 1, \"branch\": \"bad\", \"status\": \"open\", \"subtasks\": [{\"name\": \"a\", \"status\": \"todo\"}, {\"name\": \"a\", \"status\": \"todo\"}]}", "subtask 'a' appears twice")]
    [InlineData("{\"format\": 1, \"ticket\": \"bad\", \"revision\": 1, \"branch\": \"bad\", \"status\": \"open\", \"subtasks\": [{\"name\": \"A B\", \"status\": \"todo\"}]}", "is not valid")]
    public void BrokenRecords_AreUsageErrorsNamingTheProblem(string content, string expected)
    {
        Directory.CreateDirectory(Path.Combine(workTree, ".dialtone", "tickets"));
        var path = RecordFile.PathIn(workTree, "bad");
        File.WriteAllText(path, content);

        var error = Assert.Throws<DialtoneError>(() => RecordFile.Read(workTree, "bad"));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(path));
    }

    internal static void AssertSame(Ticket expected, Ticket actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Branch, actual.Branch);
        Assert.Equal(expected.BaseBranch, actual.BaseBranch);
        Assert.Equal(expected.BaseCommit, actual.BaseCommit);
        Assert.Equal(expected.Parent, actual.Parent);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.Revision, actual.Revision);
        Assert.Equal(expected.Tip, actual.Tip);
        Assert.Equal(expected.Evidence.Select(e => (e.Seq, e.Kind, e.At, e.Detail, e.Hash)), actual.Evidence.Select(e => (e.Seq, e.Kind, e.At, e.Detail, e.Hash)));
        Assert.Equal(expected.Done?.Hash, actual.Done?.Hash);
        Assert.Equal(expected.Attestations.Select(a => a.Hash), actual.Attestations.Select(a => a.Hash));
        Assert.Equal(expected.Validation?.Hash, actual.Validation?.Hash);
        Assert.Null(Chain.Verify(actual));
        Assert.Equal(expected.Subtasks.Count, actual.Subtasks.Count);
        for (var i = 0; i < expected.Subtasks.Count; i++)
        {
            var e = expected.Subtasks[i];
            var a = actual.Subtasks[i];
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Description, a.Description);
            Assert.Equal(e.Conditions, a.Conditions);
            Assert.Equal(e.TestCommand, a.TestCommand);
            Assert.Equal(e.Status, a.Status);
            Assert.Equal(e.Dependencies, a.Dependencies);
            Assert.Equal(e.CreatedAt, a.CreatedAt);
            Assert.Equal(e.UpdatedAt, a.UpdatedAt);
            Assert.Equal(e.StartedAt, a.StartedAt);
        }
    }

    public void Dispose() => Directory.Delete(workTree, recursive: true);
}
