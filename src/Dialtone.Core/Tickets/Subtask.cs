namespace Dialtone.Core.Tickets;

/// <summary>One small step of a ticket, with the conditions and the command that prove it done.</summary>
public sealed class Subtask
{
    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public List<string> Conditions { get; set; } = [];

    public string? TestCommand { get; set; }

    public SubtaskStatus Status { get; set; } = SubtaskStatus.Todo;

    public List<string> Dependencies { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When work on it began (first `ticket next` that ran its test); null while todo.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The fields `ticket next` requires before it runs anything, by their CLI option.</summary>
    public IReadOnlyList<string> MissingFields()
    {
        var missing = new List<string>(3);
        if (string.IsNullOrWhiteSpace(Description))
        {
            missing.Add("--desc");
        }

        if (!Conditions.Exists(c => !string.IsNullOrWhiteSpace(c)))
        {
            missing.Add("--condition");
        }

        if (string.IsNullOrWhiteSpace(TestCommand))
        {
            missing.Add("--test");
        }

        return missing;
    }
}
