namespace Dialtone.Core.Tickets;

/// <summary>Lifecycle of a subtask (DESIGN §4). Stored and written to records as todo/progress/done.</summary>
public enum SubtaskStatus
{
    Todo,
    Progress,
    Done,
}
