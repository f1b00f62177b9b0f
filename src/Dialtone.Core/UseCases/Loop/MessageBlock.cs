using Dialtone.Core.Messages;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// Renders what messages hold up the loop (the first thing `ticket next` checks): answers waiting
/// for an acknowledgement, and blocking questions waiting for an answer. Answering is the human's
/// move, so it is said on a [MESSAGE] line; the [ACTION] is always something the agent runs itself.
/// </summary>
public static class MessageBlock
{
    /// <summary>What to print last: the [MESSAGE] line that explains the [ACTION] under it.</summary>
    public sealed record Blocker(string Message, string Action);

    /// <summary>Adds a [MESSAGE] line for every blocker; returns the closing message and action, or null when nothing blocks.</summary>
    public static Blocker? Describe(Reply reply, IReadOnlyList<Message> messages)
    {
        var answered = messages.Where(m => m.Blocks && m.IsAnswered).ToList();
        var waiting = messages.Where(m => m.Blocks && !m.IsAnswered).ToList();
        foreach (var message in answered)
        {
            reply.Add(Tag.Message, $"User '{message.AnsweredBy}' answered your question: \"{TicketText.OneLine(message.Answer!, 1000)}\"");
        }

        foreach (var message in waiting)
        {
            reply.Add(Tag.Message, $"Question #{message.Id} is waiting for an answer: \"{TicketText.OneLine(message.Question, 500)}\"");
        }

        if (answered.Count > 0)
        {
            return new Blocker(
                answered.Count == 1 ? "Please acknowledge this message to continue:" : $"Please acknowledge these {answered.Count} messages to continue:",
                $"{NextStep.Cli} ticket ack");
        }

        return waiting.Count > 0
            ? new Blocker(
                $"A human must answer {(waiting.Count == 1 ? "it" : "them")}, not the agent: they run `{NextStep.Cli} inbox`, then `{NextStep.Cli} ticket answer {waiting[0].Id} '<answer>'`. "
                + $"If they answered in your chat, relay their words with `{NextStep.Cli} ticket ack '<their answer>'` (recorded as relayed for the reviewer). Meanwhile:",
                $"{NextStep.Cli} ticket status")
            : null;
    }

    /// <summary>Ends a reply with the blocker: its [MESSAGE], then its [ACTION].</summary>
    public static Reply Close(Reply reply, Blocker blocker, int exitCode)
    {
        reply.Add(Tag.Message, blocker.Message);
        return reply.Fail(exitCode, blocker.Action);
    }
}
