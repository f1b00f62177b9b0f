using Dialtone.Core.Tickets;
using Dialtone.Records;

namespace Dialtone.Core.Records;

/// <summary>Converts between the domain model and the record format, validating what comes in.</summary>
public static class RecordMapper
{
    public static TicketRecord ToRecord(Ticket ticket) => new()
    {
        // A ticket closed before seals existed keeps the format it was closed in: it has no seal to write.
        Format = ticket.Status == TicketStatus.Done && ticket.Done is null ? 1 : TicketRecord.CurrentFormat,
        Ticket = ticket.Name,
        Revision = ticket.Revision,
        Description = ticket.Description,
        Branch = ticket.Branch,
        Base = new RecordBase { Branch = ticket.BaseBranch, Commit = ticket.BaseCommit },
        Parent = ticket.Parent,
        Status = StatusText.Of(ticket.Status),
        CreatedAt = ticket.CreatedAt,
        UpdatedAt = ticket.UpdatedAt,
        Subtasks = ticket.Subtasks.ConvertAll(s => new RecordSubtask
        {
            Name = s.Name,
            Description = s.Description,
            Conditions = [.. s.Conditions],
            Test = s.TestCommand,
            Deps = [.. s.Dependencies],
            Status = StatusText.Of(s.Status),
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt,
            StartedAt = s.StartedAt,
        }),
        Attestations = ticket.Attestations,
        Validation = ticket.Validation,
        Evidence = ticket.Evidence,
        Done = ticket.Done,
        Tip = ticket.Tip,
    };

    /// <summary>Builds the ticket a record describes; throws <see cref="FormatException"/> naming the bad field.</summary>
    public static Ticket FromRecord(TicketRecord record)
    {
        if (record.Format is < 1 or > TicketRecord.CurrentFormat)
        {
            throw new FormatException($"format {record.Format} is not supported (this dialtone reads format 1 to {TicketRecord.CurrentFormat}; update dialtone for newer ones)");
        }

        if (!Names.IsValid(record.Ticket))
        {
            throw new FormatException($"'ticket' is not a valid ticket name: '{Names.Printable(record.Ticket ?? "")}'");
        }

        if (string.IsNullOrWhiteSpace(record.Branch))
        {
            throw new FormatException("'branch' is missing");
        }

        if (record.Revision < 1)
        {
            throw new FormatException("'revision' must be 1 or more");
        }

        var ticket = new Ticket
        {
            Name = record.Ticket,
            Revision = record.Revision,
            Description = record.Description ?? "",
            Branch = record.Branch,
            BaseBranch = record.Base?.Branch,
            BaseCommit = record.Base?.Commit,
            Parent = record.Parent,
            Status = StatusText.ParseTicket(record.Status ?? ""),
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
        };

        foreach (var s in record.Subtasks ?? [])
        {
            if (!Names.IsValid(s.Name))
            {
                throw new FormatException($"subtask name '{Names.Printable(s.Name ?? "")}' is not valid");
            }

            if (ticket.FindSubtask(s.Name) is not null)
            {
                throw new FormatException($"subtask '{s.Name}' appears twice");
            }

            ticket.Subtasks.Add(new Subtask
            {
                Name = s.Name,
                Description = s.Description ?? "",
                Conditions = s.Conditions ?? [],
                TestCommand = s.Test,
                Dependencies = s.Deps ?? [],
                Status = StatusText.ParseSubtask(s.Status ?? ""),
                CreatedAt = s.CreatedAt,
                UpdatedAt = s.UpdatedAt,
                StartedAt = s.StartedAt,
            });
        }

        ticket.Attestations = record.Attestations ?? [];
        ticket.Validation = record.Validation;
        ticket.Tip = record.Tip;
        ticket.Evidence = record.Evidence ?? [];
        ticket.Done = record.Done;
        if (RecordVerifier.Verify(record) is { } broken)
        {
            throw new FormatException($"its signature chain is broken ({broken}); it was edited by hand and is not trusted");
        }

        return ticket;
    }
}
