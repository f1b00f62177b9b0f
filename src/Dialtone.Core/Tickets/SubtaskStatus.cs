namespace Dialtone.Core.Tickets;

/// <summary>Lifecycle of a subtask. Stored and written to records as todo/progress/done.</summary>
public enum SubtaskStatus
{
    Todo,
    Progress,
    Done,
}
