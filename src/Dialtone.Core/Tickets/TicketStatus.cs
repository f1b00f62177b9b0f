namespace Dialtone.Core.Tickets;

/// <summary>Lifecycle of a ticket. Stored and written to records as the lowercase name.</summary>
public enum TicketStatus
{
    Open,
    Done,
}
