namespace Dialtone.Core.Tickets;

/// <summary>The one mapping between status enums and their text in the store, records and output.</summary>
public static class StatusText
{
    public static string Of(TicketStatus status) => status == TicketStatus.Done ? "done" : "open";

    public static string Of(SubtaskStatus status) => status switch
    {
        SubtaskStatus.Progress => "progress",
        SubtaskStatus.Done => "done",
        _ => "todo",
    };

    public static TicketStatus ParseTicket(string text) => text switch
    {
        "open" => TicketStatus.Open,
        "done" => TicketStatus.Done,
        _ => throw new FormatException($"unknown ticket status '{text}' (expected open or done)"),
    };

    public static SubtaskStatus ParseSubtask(string text) => text switch
    {
        "todo" => SubtaskStatus.Todo,
        "progress" => SubtaskStatus.Progress,
        "done" => SubtaskStatus.Done,
        _ => throw new FormatException($"unknown subtask status '{text}' (expected todo, progress or done)"),
    };
}
