using Dialtone.Core.DocDiff;

namespace Dialtone.Core.Alerts;

/// <summary>
/// One alert of one ticket: a design doc that changed (with the structural changes) or an external
/// event. It stays pending until acknowledged; acknowledging a doc alert moves that doc's baseline
/// to the version the alert showed.
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }

    public required string Ticket { get; init; }

    public AlertKind Kind { get; init; }

    public AlertStream Stream { get; init; }

    /// <summary>The doc's path (doc alerts).</summary>
    public string? Path { get; init; }

    /// <summary>The acknowledged version (null: the doc did not exist then).</summary>
    public string? FromBlob { get; init; }

    /// <summary>The version the alert is about (null: the doc was deleted).</summary>
    public string? ToBlob { get; init; }

    /// <summary>The base branch, for upstream alerts.</summary>
    public string? BaseRef { get; init; }

    /// <summary>When the doc changed: the commit time, the file's modification time, or when the event was raised.</summary>
    public DateTimeOffset ChangedAt { get; init; }

    public string? Author { get; init; }

    public string? Commit { get; init; }

    public string? Subject { get; init; }

    public IReadOnlyList<DocChange> Changes { get; init; } = [];

    public string? Source { get; init; }

    public AlertLevel Level { get; init; } = AlertLevel.Warn;

    /// <summary>The event's text (event alerts).</summary>
    public string? Text { get; init; }

    public DateTimeOffset RaisedAt { get; init; }

    public DateTimeOffset? AckedAt { get; set; }

    public string? AckNote { get; set; }

    public bool IsAcknowledged => AckedAt is not null;

    public bool IsAdded => Kind == AlertKind.Doc && FromBlob is null;

    public bool IsDeleted => Kind == AlertKind.Doc && ToBlob is null;
}
