namespace Dialtone.Core.Gates;

/// <summary>How the gates know that the checked-out branch is a ticket branch, strongest first.</summary>
public enum TicketBranchSource
{
    /// <summary>Its record `.dialtone/tickets/&lt;branch&gt;.json` is in the work tree.</summary>
    Record,

    /// <summary>The store directory holds its marker (`ticket start`, or a command that resolved its ticket).</summary>
    Marker,

    /// <summary>HEAD has its record committed.</summary>
    CommittedRecord,

    /// <summary>A recent commit reachable from HEAD carries `Dialtone-Ticket: &lt;branch&gt;` (a fresh clone).</summary>
    Trailer,
}
