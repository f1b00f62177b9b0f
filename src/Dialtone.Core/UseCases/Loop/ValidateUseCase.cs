using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// `ticket validate [&lt;name&gt;]`: the done gate's check, recorded in the store and the record. It
/// also lists the ticket's evidence (what happened outside the loop) for whoever reviews it.
/// </summary>
public static class ValidateUseCase
{
    /// <param name="name">The ticket; null for the current one.</param>
    public static Reply Run(Workspace workspace, string? name)
    {
        var reply = new Reply();
        var outcome = Validator.Run(workspace, name, reply);
        EvidenceReport.Add(reply, outcome.Ticket);
        reply.Set("passed", () => outcome.Passed);
        if (outcome.Message is not null)
        {
            reply.Add(Tag.Message, outcome.Message);
        }

        return outcome.Passed
            ? reply.Add(Tag.Action, $"{NextStep.Cli} ticket done --tip \"<one tip for the next agent>\"")
            : reply.Fail(ExitCodes.Blocked, outcome.Action);
    }
}
