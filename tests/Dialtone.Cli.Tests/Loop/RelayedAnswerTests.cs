using Dialtone.Core.Workflow;
using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// `ticket ack "&lt;text&gt;"` while a blocking question is unanswered (the human answered in the agent's
/// chat): the text becomes that question's answer, relayed by the agent, acknowledged, and recorded
/// as `relayed-answer` evidence. Text is never dropped: with nothing to answer or acknowledge, the
/// command says so and exits 1.
/// </summary>
public sealed class RelayedAnswerTests
{
    [Fact]
    public void AckWithText_AnswersTheOldestOpenQuestion_AsRelayed_AndUnblocksNext()
    {
        using var repo = new TempRepo();
        StartWith(repo, "chat-answer", "step", "true");
        Ok(repo, "ticket", "ask", "Which API version should we target?");
        Ok(repo, "ticket", "ask", "Should the client retry on 429?");
        Ok(repo, "ticket", "ask", "FYI: renamed the module", "--fyi");

        var ack = Ok(repo, "--json", "ticket", "ack", "Use v3.2 of the REST API.");

        var lines = ack.Json.GetProperty("lines").EnumerateArray().Select(l => (Tag: l.GetProperty("tag").GetString(), Text: l.GetProperty("text").GetString()!)).ToList();
        Assert.Contains(("ticket", "Recorded as the answer to question #1 (\"Which API version should we target?\"), relayed by 'Test User'."), lines);
        Assert.Contains(lines, l => l.Tag == "warn" && l.Text.StartsWith("A relayed answer is recorded as evidence (relayed-answer)", StringComparison.Ordinal));
        Assert.Contains(("ticket", "Acknowledged #1: the answer relayed by 'Test User': \"Use v3.2 of the REST API.\""), lines);
        Assert.Contains(("ticket", "Still waiting for answers to: #2."), lines);
        Assert.Equal(1, ack.Json.GetProperty("data").GetProperty("relayed").GetInt64());
        Assert.Equal([1L], ack.Json.GetProperty("data").GetProperty("acknowledged").EnumerateArray().Select(e => e.GetInt64()));

        // In the store: the answer, who relayed it, and how it arrived.
        using (var store = Workspace.Discover(repo.Path_).OpenStore())
        {
            var message = store.Messages.Find(1)!;
            Assert.Equal("Use v3.2 of the REST API.", message.Answer);
            Assert.Equal("Test User", message.AnsweredBy);
            Assert.Equal("relayed", message.AnsweredVia);
            Assert.NotNull(message.AckedAt);
            Assert.Null(store.Messages.Find(2)!.Answer);
        }

        // In the record, for the reviewer.
        var evidence = Assert.Single(Record(repo, "chat-answer").GetProperty("evidence").EnumerateArray());
        Assert.Equal("relayed-answer", evidence.GetProperty("kind").GetString());
        Assert.Contains("Use v3.2 of the REST API.", evidence.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The second question is next in line, then the loop runs.
        Ok(repo, "ticket", "ack", "Yes, with exponential backoff.");
        Ok(repo, "ticket", "next");
        Assert.Equal(2, Record(repo, "chat-answer").GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public void AckWithANumberAndText_RelaysToThatQuestion()
    {
        using var repo = new TempRepo();
        StartWith(repo, "pick", "step", "true");
        Ok(repo, "ticket", "ask", "First?");
        Ok(repo, "ticket", "ask", "FYI: second", "--fyi");

        Ok(repo, "ticket", "ack", "2", "Noted, thanks.");

        using var store = Workspace.Discover(repo.Path_).OpenStore();
        Assert.Equal("relayed", store.Messages.Find(2)!.AnsweredVia);
        Assert.Null(store.Messages.Find(1)!.Answer);
    }

    [Fact]
    public void AckWithText_WhenNothingIsOpen_RefusesAndKeepsTheText()
    {
        using var repo = new TempRepo();
        StartWith(repo, "nothing-open", "step", "true");

        var ack = Expect(1, repo, "ticket", "ack", "Use v3.2 of the REST API.");

        Assert.Equal(
            [
                "[BLOCK] Nothing to acknowledge, and no blocking question is waiting for an answer: the text was not recorded.",
                "[MESSAGE] To keep it in the ticket's log instead:",
                "[ACTION] ./dialtone.sh ticket log 'Use v3.2 of the REST API.'",
            ],
            ack.Lines);
        Assert.Empty(Record(repo, "nothing-open").GetProperty("evidence").EnumerateArray());

        // Quoted so that it runs as printed, whatever the text holds.
        var hostile = Expect(1, repo, "ticket", "ack", "it's $(touch pwned) `id`");
        Assert.Equal("[ACTION] ./dialtone.sh ticket log 'it'\\''s $(touch pwned) `id`'", hostile.Lines.Last());
    }

    [Fact]
    public void AckWithText_AfterTheHumanAnswered_IsTheNote_AndNoEvidence()
    {
        using var repo = new TempRepo();
        StartWith(repo, "noted", "step", "true");
        Ok(repo, "ticket", "ask", "First?");
        Ok(repo, "ticket", "answer", "1", "Yes.", "--as", "dev");
        var evidenceBefore = Record(repo, "noted").GetProperty("evidence").GetArrayLength();

        var ack = Ok(repo, "ticket", "ack", "Going with yes.");

        Assert.Contains("[ticket] Acknowledged #1: User 'dev' answered \"Yes.\"", ack.Lines);
        Assert.DoesNotContain(ack.Lines, l => l.Contains("relayed", StringComparison.Ordinal));
        Assert.Equal(evidenceBefore, Record(repo, "noted").GetProperty("evidence").GetArrayLength());
        using var store = Workspace.Discover(repo.Path_).OpenStore();
        Assert.Equal("Going with yes.", store.Messages.Find(1)!.AckNote);
        Assert.Equal("answer", store.Messages.Find(1)!.AnsweredVia);
    }

    [Fact]
    public void AckWithoutText_StillAcknowledges_AsBefore()
    {
        using var repo = new TempRepo();
        StartWith(repo, "plain", "step", "true");
        Ok(repo, "ticket", "ask", "First?");

        var nothing = Ok(repo, "ticket", "ack");

        Assert.Contains("[ticket] Nothing to acknowledge.", nothing.Lines);
        Assert.Contains("[ticket] Still waiting for answers to: #1.", nothing.Lines);
        Assert.Equal("[ACTION] ./dialtone.sh ticket next", nothing.Lines.Last());
    }

    [Fact]
    public void ThePrintedPlaceholder_IsNotRelayed()
    {
        using var repo = new TempRepo();
        StartWith(repo, "pasted", "step", "true");
        Ok(repo, "ticket", "ask", "First?");

        var ack = Expect(2, repo, "ticket", "ack", "<their answer>");

        Assert.StartsWith("[FAIL] '<their answer>' is the placeholder", ack.Lines.First(), StringComparison.Ordinal);
        using var store = Workspace.Discover(repo.Path_).OpenStore();
        Assert.Null(store.Messages.Find(1)!.Answer);
    }
}
