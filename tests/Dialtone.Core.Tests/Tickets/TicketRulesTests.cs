using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.Tests.Tickets;

public sealed class TicketRulesTests
{
    private static Subtask Complete(string name, SubtaskStatus status = SubtaskStatus.Todo, params string[] deps) => new()
    {
        Name = name,
        Description = "d",
        Conditions = ["exits 0"],
        TestCommand = "true",
        Status = status,
        Dependencies = [.. deps],
    };

    [Fact]
    public void CurrentSubtask_IsFirstNotDoneWithDepsDone()
    {
        var ticket = new Ticket { Name = "t", Branch = "t" };
        ticket.Subtasks.Add(Complete("later", SubtaskStatus.Todo, "first"));
        ticket.Subtasks.Add(Complete("first"));

        Assert.Equal("first", ticket.CurrentSubtask()?.Name);

        ticket.Subtasks[1].Status = SubtaskStatus.Done;
        Assert.Equal("later", ticket.CurrentSubtask()?.Name);

        ticket.Subtasks[0].Status = SubtaskStatus.Done;
        Assert.Null(ticket.CurrentSubtask());
    }

    [Fact]
    public void MissingFields_ListsOptions()
    {
        var subtask = new Subtask { Name = "x", Conditions = ["  "] };
        Assert.Equal(["--desc", "--condition", "--test"], subtask.MissingFields());
        Assert.Empty(Complete("y").MissingFields());
    }

    [Fact]
    public void NextStep_FollowsTheTicket()
    {
        var ticket = new Ticket { Name = "t", Branch = "t" };
        Assert.StartsWith("./dialtone.sh ticket subtask add", NextStep.For(ticket), StringComparison.Ordinal);

        ticket.Subtasks.Add(new Subtask { Name = "x", Description = "d" });
        Assert.Equal("./dialtone.sh ticket subtask edit x --condition \"<objective check>\" --test \"<idempotent command>\"", NextStep.For(ticket));

        ticket.Subtasks[0] = Complete("x");
        Assert.Equal("./dialtone.sh ticket next", NextStep.For(ticket));

        ticket.Subtasks[0].Status = SubtaskStatus.Done;
        Assert.Equal("./dialtone.sh ticket validate", NextStep.For(ticket));
    }

    [Fact]
    public void Touch_BumpsRevision()
    {
        var ticket = new Ticket { Name = "t", Branch = "t" };
        var now = DateTimeOffset.UnixEpoch;

        ticket.Touch(now);
        ticket.Touch(now);

        Assert.Equal(2, ticket.Revision);
        Assert.Equal(now, ticket.UpdatedAt);
    }
}
