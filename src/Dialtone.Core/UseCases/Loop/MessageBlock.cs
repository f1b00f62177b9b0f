using Dialtone.Core.Messages;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// Renders what messages hold up the loop (the first thing `ticket next` checks): answers waiting
/// for an acknowledgement, and blocking questions waiting for an answer.
/// </summary>
public static class MessageBlock
{
    /// <summary>Adds [MESSAGE] lines for every blocker; returns the [ACTION] to show, or null when nothing blocks.</summary>
    public static string? Describe(Reply reply, IReadOnlyList<Message> messages)
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
            return answered.Count == 1
                ? $"Please acknowledge this message to continue: {NextStep.Cli} ticket ack"
                : $"Please acknowledge these {answered.Count} messages to continue: {NextStep.Cli} ticket ack";
        }

        return waiting.Count > 0
            ? $"Wait for the human to answer (they run: {NextStep.Cli} ticket answer {waiting[0].Id} \"<answer>\"; {NextStep.Cli} inbox lists open questions)"
            : null;
    }
}
