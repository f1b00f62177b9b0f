using Dialtone.Cli.Commands;
using Dialtone.Core;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.Workflow;
using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// An agent can run `ticket answer` on its own question. The answer still counts (people script
/// answers too), but when the answering identity is the asking one, or no terminal was attached, it
/// is recorded as `self-answer` evidence — in the store and the record — and shown to the reviewer.
/// The blocked `next` never hands the agent the human's command as its [ACTION].
/// </summary>
public sealed class SelfAnswerTests
{
    private const string Question = "Which API version should we target for the new plugin?";

    [Fact]
    public void TheAgentAnsweringItsOwnQuestion_IsRecordedAsEvidence_AndShown()
    {
        using var repo = new TempRepo();
        StartWith(repo, "self-serve", "step", "true");
        Ok(repo, "ticket", "ask", Question);

        // What an agent does when the blocked `next` (before this fix) printed the answer command as its action.
        var answer = Ok(repo, "--json", "ticket", "answer", "1", "Use whatever is newest.");

        var lines = answer.Json.GetProperty("lines").EnumerateArray().Select(l => (Tag: l.GetProperty("tag").GetString(), Text: l.GetProperty("text").GetString()!)).ToList();
        Assert.Contains(lines, l => l.Tag == "warn" && l.Text.StartsWith("Question #1 was answered by 'Test User', the identity that asked it, without a terminal: the answer counts, and it is recorded as evidence (self-answer)", StringComparison.Ordinal));
        Assert.True(answer.Json.GetProperty("data").GetProperty("selfAnswer").GetBoolean());
        var evidence = Assert.Single(Record(repo, "self-serve").GetProperty("evidence").EnumerateArray());
        Assert.Equal("self-answer", evidence.GetProperty("kind").GetString());
        Assert.Equal("Question #1 was answered by 'Test User', the identity that asked it, without a terminal: \"Use whatever is newest.\"", evidence.GetProperty("detail").GetString());

        // The answer counts: acknowledged, the loop goes on; the evidence stays in sight.
        Ok(repo, "ticket", "ack");
        PassAndSign(repo, "step");
        var status = Ok(repo, "ticket", "status");
        var statusJson = Ok(repo, "--json", "ticket", "status");
        var validate = Ok(repo, "ticket", "validate");
        var validateJson = Ok(repo, "--json", "ticket", "validate");

        Assert.Contains(status.Lines, l => l.StartsWith("[WARN] Evidence #1 (self-answer, ", StringComparison.Ordinal) && l.EndsWith("UTC): Question #1 was answered by 'Test User', the identity that asked it, without a terminal: \"Use whatever is newest.\"", StringComparison.Ordinal));
        Assert.Contains(validate.Lines, l => l.StartsWith("[WARN] Evidence #1 (self-answer, ", StringComparison.Ordinal));
        Assert.StartsWith("[ACTION] ", validate.Lines.Last(), StringComparison.Ordinal);
        foreach (var json in new[] { statusJson, validateJson })
        {
            var shown = Assert.Single(json.Json.GetProperty("data").GetProperty("evidence").EnumerateArray());
            Assert.Equal("self-answer", shown.GetProperty("kind").GetString());
            Assert.Equal(evidence.GetProperty("hash").GetString(), shown.GetProperty("hash").GetString());
        }
    }

    [Fact]
    public void ADifferentNameWithoutATerminal_IsStillEvidence()
    {
        // `--as dev` is one flag away for an agent: without a terminal the answer is evidence all the same.
        using var repo = new TempRepo();
        StartWith(repo, "pretend", "step", "true");
        Ok(repo, "ticket", "ask", Question);

        var answer = Ok(repo, "ticket", "answer", "1", "Use v3.2 of the REST API.", "--as", "dev");

        Assert.Contains(answer.Lines, l => l.StartsWith("[WARN] Question #1 was answered by 'dev', without a terminal:", StringComparison.Ordinal));
        var evidence = Assert.Single(Record(repo, "pretend").GetProperty("evidence").EnumerateArray());
        Assert.Equal("Question #1 was answered by 'dev', without a terminal: \"Use v3.2 of the REST API.\"", evidence.GetProperty("detail").GetString());
    }

    [Fact]
    public void AnotherPersonAtATerminal_LeavesNoEvidence()
    {
        using var repo = new TempRepo();
        StartWith(repo, "by-hand", "step", "true");
        Ok(repo, "ticket", "ask", Question);
        var workspace = Workspace.Discover(repo.Path_);

        var reply = Handler.Execute(() => AnswerUseCase.Run(workspace, "1", "Use v3.2 of the REST API.", "dev", fromTerminal: true));

        Assert.Equal(ExitCodes.Ok, reply.ExitCode);
        Assert.DoesNotContain(reply.Lines, l => l.Tag == Core.Output.Tag.Warn);
        Assert.Empty(Record(repo, "by-hand").GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public void AnotherPersonAtATerminal_ThroughTheRealCli_LeavesNoEvidence()
    {
        // `script` gives the CLI a pseudo-terminal for stdin and stdout, as a person's shell would.
        if (!File.Exists("/usr/bin/script"))
        {
            return;
        }

        using var repo = new TempRepo();
        StartWith(repo, "at-a-desk", "step", "true");
        Ok(repo, "ticket", "ask", Question);
        var command = $"{Quote(Cli.DotnetHost)} {Quote(Cli.Dll)} ticket answer 1 'Use v3.2 of the REST API.' --as dev";

        var run = ChildProcess.Run("/usr/bin/script", repo.Path_, ["-qec", command, "/dev/null"], new Dictionary<string, string?> { ["GIT_DIR"] = null, ["GIT_INDEX_FILE"] = null, ["GIT_WORK_TREE"] = null }, TimeSpan.FromSeconds(120));

        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        Assert.Contains("recorded as 'dev'", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("[WARN]", run.StdOut, StringComparison.Ordinal);
        Assert.Empty(Record(repo, "at-a-desk").GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public void TheBlockedNext_TellsWhoMustAnswer_AndGivesTheAgentItsOwnAction()
    {
        using var repo = new TempRepo();
        StartWith(repo, "waiting", "step", "true");
        Ok(repo, "ticket", "ask", Question);

        var next = Expect(1, repo, "ticket", "next");

        Assert.Equal(
            [
                "[BLOCK] Cannot proceed to 'next' subtask.",
                $"[MESSAGE] Question #1 is waiting for an answer: \"{Question}\"",
                "[MESSAGE] A human must answer it, not the agent: they run `./dialtone.sh inbox`, then `./dialtone.sh ticket answer 1 '<answer>'`. "
                    + "If they answered in your chat, relay their words with `./dialtone.sh ticket ack '<their answer>'` (recorded as relayed for the reviewer). Meanwhile:",
                "[ACTION] ./dialtone.sh ticket status",
            ],
            next.Lines);
    }

    [Fact]
    public void ThePlaceholderIsNotAnAnswer()
    {
        using var repo = new TempRepo();
        StartWith(repo, "pasted", "step", "true");
        Ok(repo, "ticket", "ask", Question);

        var answer = Expect(2, repo, "ticket", "answer", "1", "<answer>");

        Assert.StartsWith("[FAIL] '<answer>' is the placeholder, not an answer.", answer.Lines.First(), StringComparison.Ordinal);
        Assert.Empty(Record(repo, "pasted").GetProperty("evidence").EnumerateArray());
    }
}
