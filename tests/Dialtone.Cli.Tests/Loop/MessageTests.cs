using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// The "email" loop: the agent asks, the human answers, `next` blocks until the
/// agent acknowledges what it was told. Each question is its own message.
/// </summary>
public sealed class MessageTests
{
    private const string Question = "Which API version should we target for the new plugin?";
    private const string Answer = "Use v3.2 of the REST API.";

    [Fact]
    public void AskAnswerNextBlockedAckNextProceeds_AsInSeedSection2()
    {
        using var repo = new TempRepo();
        StartWith(repo, "feature-api-integration", "client-stub", "true");

        var ask = Ok(repo, "ticket", "ask", Question);
        Assert.StartsWith("[ticket] Question #1 recorded.", ask.Lines.First(), StringComparison.Ordinal);

        // Unanswered, it already blocks, and says who has to act: the human's command is on a
        // [MESSAGE] line, the [ACTION] is one the agent can run meanwhile.
        var waiting = Expect(1, repo, "ticket", "next");
        Assert.Equal("[BLOCK] Cannot proceed to 'next' subtask.", waiting.Lines.First());
        Assert.Contains($"[MESSAGE] Question #1 is waiting for an answer: \"{Question}\"", waiting.Lines);
        var lines = waiting.Lines.ToList();
        Assert.StartsWith("[MESSAGE] A human must answer it, not the agent: they run `./dialtone.sh inbox`, then `./dialtone.sh ticket answer 1 '<answer>'`.", lines[^2], StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket status", lines[^1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("[ACTION]", StringComparison.Ordinal) && l.Contains("ticket answer", StringComparison.Ordinal));

        Ok(repo, "ticket", "answer", "1", Answer, "--as", "dev");

        // The seed's transcript, line for line, with its prose moved above the [ACTION] (which is only the command).
        var blocked = Expect(1, repo, "ticket", "next");
        Assert.Equal(
            [
                "[BLOCK] Cannot proceed to 'next' subtask.",
                "[MESSAGE] User 'dev' answered your question: \"Use v3.2 of the REST API.\"",
                "[MESSAGE] Please acknowledge this message to continue:",
                "[ACTION] ./dialtone.sh ticket ack",
            ],
            blocked.Lines);

        var ack = Ok(repo, "ticket", "ack");
        Assert.Contains("[ticket] Acknowledged #1: User 'dev' answered \"Use v3.2 of the REST API.\"", ack.Lines);

        var proceeds = Ok(repo, "ticket", "next");
        Assert.DoesNotContain(proceeds.Lines, l => l.StartsWith("[BLOCK]", StringComparison.Ordinal));
        Assert.Contains(proceeds.Lines, l => l.StartsWith("[PASS] Subtask 'client-stub'", StringComparison.Ordinal));
    }

    [Fact]
    public void ASecondQuestion_AfterTheFirstWasAcked_BlocksAgain()
    {
        using var repo = new TempRepo();
        StartWith(repo, "two-questions", "step", "true");
        Ok(repo, "ticket", "ask", Question);
        Ok(repo, "ticket", "answer", "1", Answer, "--as", "dev");
        Ok(repo, "ticket", "ack");
        Ok(repo, "ticket", "next");

        Ok(repo, "ticket", "ask", "Should the client retry on 429?");
        var blocked = Expect(1, repo, "ticket", "next");

        Assert.Equal("[BLOCK] Cannot proceed to 'next' subtask.", blocked.Lines.First());
        Assert.Contains("[MESSAGE] Question #2 is waiting for an answer: \"Should the client retry on 429?\"", blocked.Lines);
        Assert.DoesNotContain(blocked.Lines, l => l.Contains("v3.2", StringComparison.Ordinal));

        // Answered, it blocks until acknowledged too: the earlier ack does not cover it.
        Ok(repo, "ticket", "answer", "2", "Yes, with backoff.", "--as", "dev");
        var unacked = Expect(1, repo, "ticket", "next");
        Assert.Contains("[MESSAGE] User 'dev' answered your question: \"Yes, with backoff.\"", unacked.Lines);

        Ok(repo, "ticket", "ack", "2");
        Ok(repo, "ticket", "next");
    }

    [Fact]
    public void AckOfOneQuestion_LeavesTheOtherBlocking()
    {
        using var repo = new TempRepo();
        StartWith(repo, "pick-one", "step", "true");
        Ok(repo, "ticket", "ask", "First?");
        Ok(repo, "ticket", "ask", "Second?");
        Ok(repo, "ticket", "answer", "1", "one", "--as", "dev");
        Ok(repo, "ticket", "answer", "#2", "two", "--as", "ops");

        var both = Expect(1, repo, "ticket", "next");
        Assert.Contains("[MESSAGE] User 'dev' answered your question: \"one\"", both.Lines);
        Assert.Contains("[MESSAGE] User 'ops' answered your question: \"two\"", both.Lines);
        Assert.Equal(["[MESSAGE] Please acknowledge these 2 messages to continue:", "[ACTION] ./dialtone.sh ticket ack"], both.Lines.TakeLast(2));

        Ok(repo, "ticket", "ack", "#1", "noted");
        var stillBlocked = Expect(1, repo, "ticket", "next");
        Assert.DoesNotContain("[MESSAGE] User 'dev' answered your question: \"one\"", stillBlocked.Lines);
        Assert.Contains("[MESSAGE] User 'ops' answered your question: \"two\"", stillBlocked.Lines);
    }

    [Fact]
    public void FyiQuestions_DoNotBlock()
    {
        using var repo = new TempRepo();
        StartWith(repo, "side-note", "step", "true");

        var ask = Ok(repo, "--json", "ticket", "ask", "Created side-quest flaky-ci for the timeout", "--fyi");
        Assert.False(ask.Json.GetProperty("data").GetProperty("blocking").GetBoolean());

        var next = Ok(repo, "ticket", "next");
        Assert.DoesNotContain(next.Lines, l => l.StartsWith("[BLOCK]", StringComparison.Ordinal) || l.StartsWith("[MESSAGE]", StringComparison.Ordinal));
        Assert.Contains(next.Lines, l => l.StartsWith("[PASS]", StringComparison.Ordinal));
    }

    [Fact]
    public void Inbox_ListsOpenQuestionsAcrossTickets()
    {
        using var repo = new TempRepo();
        Ok(repo, "ticket", "start", "alpha");
        Ok(repo, "ticket", "ask", "Alpha: which database?");
        Ok(repo, "ticket", "ask", "Alpha: FYI, renamed the module", "--fyi");
        Ok(repo, "ticket", "ask", "Alpha: answered already?");
        Ok(repo, "ticket", "answer", "3", "yes", "--as", "dev");
        repo.Commit("alpha record");
        Ok(repo, "ticket", "start", "beta", "--from", "main");
        Ok(repo, "ticket", "ask", "Beta: which port?");

        var inbox = Ok(repo, "inbox");
        var json = Ok(repo, "--json", "inbox");

        Assert.Equal("[ticket] 3 open questions:", inbox.Lines.First());
        Assert.Contains("#1 [alpha] Alpha: which database?", inbox.StdOut, StringComparison.Ordinal);
        Assert.Contains("#2 [alpha] (fyi) Alpha: FYI, renamed the module", inbox.StdOut, StringComparison.Ordinal);
        Assert.Contains("#4 [beta] Beta: which port?", inbox.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("answered already", inbox.StdOut, StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket answer 1 \"<answer>\"", inbox.Lines.Last());
        var questions = json.Json.GetProperty("data").GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal([1L, 2L, 4L], questions.Select(q => q.GetProperty("id").GetInt64()));
        Assert.Equal(["alpha", "alpha", "beta"], questions.Select(q => q.GetProperty("ticket").GetString()));
        Assert.Equal([true, false, true], questions.Select(q => q.GetProperty("blocking").GetBoolean()));
    }

    [Fact]
    public void Answer_ToAnUnknownQuestion_IsBadInput()
    {
        using var repo = new TempRepo();
        Ok(repo, "ticket", "start", "lonely");

        var unknown = Expect(2, repo, "ticket", "answer", "9", "nobody asked", "--as", "dev");
        var notANumber = Expect(2, repo, "ticket", "answer", "first", "huh", "--as", "dev");

        Assert.Equal("[FAIL] There is no question #9.", unknown.Lines.First());
        Assert.StartsWith("[FAIL] 'first' is not a question number.", notANumber.Lines.First(), StringComparison.Ordinal);
    }
}
