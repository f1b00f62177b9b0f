using System.Globalization;
using System.Text.Json.Nodes;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.Alerts;

/// <summary>
/// How an alert reads (docs/alerts.md): `[ALERT] Design Doc '&lt;path&gt;' was modified N minutes ago.`
/// with where the change came from, at most five `[DIFF]` lines, then an `[ACTION]` that points at
/// the acknowledgement and at the full diff. Events read `[ALERT] &lt;source&gt; (&lt;level&gt;) …`.
/// </summary>
public static class AlertText
{
    public const int MaxDiffLines = 5;

    public static void Add(Reply reply, Alert alert, DateTimeOffset now)
    {
        if (alert.Kind == AlertKind.Event)
        {
            reply.Add(Tag.Alert, TicketText.OneLine($"{alert.Source ?? "external"} ({Level(alert.Level)}), {Ago(alert.ChangedAt, now)}: {alert.Text} (alert #{alert.Id})", 600));
            reply.Add(Tag.Action, $"Please deal with it, then: {NextStep.Cli} ticket ack --alert {alert.Id}");
            return;
        }

        reply.Add(Tag.Alert, TicketText.OneLine($"{Headline(alert, now)} ({Origin(alert)})", 600));
        foreach (var change in alert.Changes.Take(MaxDiffLines))
        {
            reply.Add(Tag.Diff, TicketText.OneLine(change.Text, 300));
        }

        var shown = alert.Changes.Count > MaxDiffLines ? $"{MaxDiffLines} of {alert.Changes.Count} changes shown; " : "";
        reply.Add(Tag.Action, $"Please update your implementation, then: {NextStep.Cli} ticket ack --alert {alert.Id}   ({shown}full diff: {DiffCommand(alert.Path!)})");
    }

    /// <summary>"Design Doc 'api_spec.md' was modified 2 minutes ago." (added, deleted likewise).</summary>
    public static string Headline(Alert alert, DateTimeOffset now)
    {
        var what = alert.IsAdded ? "added" : alert.IsDeleted ? "deleted" : "modified";
        return $"Design Doc '{alert.Path}' was {what} {Ago(alert.ChangedAt, now)}.";
    }

    /// <summary>Where the change came from: the alert number, the stream, the commit and its author.</summary>
    public static string Origin(Alert alert)
    {
        var commit = alert.Commit is null
            ? null
            : $"commit {alert.Commit[..Math.Min(7, alert.Commit.Length)]} by {alert.Author}{(alert.Subject is { Length: > 0 } subject ? $", \"{TicketText.OneLine(subject, 80)}\"" : "")}";
        var where = alert.Stream == AlertStream.Upstream
            ? $"upstream on '{alert.BaseRef}'{(commit is null ? "" : ", " + commit)}"
            : alert.BaseRef is not null && commit is not null
                ? $"merged from '{alert.BaseRef}', {commit}"
                : commit ?? "uncommitted change in the work tree";
        return $"alert #{alert.Id}: {where}";
    }

    /// <summary>"2 minutes ago", "1 minute ago", "3 hours ago", "2 days ago".</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var minutes = Math.Max(0, (long)Math.Floor((now - at).TotalMinutes));
        if (minutes < 120)
        {
            return minutes == 1 ? "1 minute ago" : string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes ago");
        }

        var hours = minutes / 60;
        return hours < 48
            ? string.Create(CultureInfo.InvariantCulture, $"{hours} hours ago")
            : string.Create(CultureInfo.InvariantCulture, $"{hours / 24} days ago");
    }

    /// <summary>The command that shows every change of a doc (quoted when the path needs it).</summary>
    public static string DiffCommand(string path) => $"{NextStep.Cli} docs diff {Quote(path)}";

    public static string Quote(string path) =>
        path.All(c => char.IsLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or '@' or ',')
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static string Level(AlertLevel level) => Storage.AlertTable.LevelName(level);

    public static JsonObject Json(Alert alert, DateTimeOffset now) => new()
    {
        ["id"] = alert.Id,
        ["kind"] = alert.Kind == AlertKind.Doc ? "doc" : "event",
        ["stream"] = alert.Kind == AlertKind.Doc ? Storage.AlertTable.StreamName(alert.Stream) : null,
        ["path"] = alert.Path,
        ["change"] = alert.Kind == AlertKind.Doc ? (alert.IsAdded ? "added" : alert.IsDeleted ? "deleted" : "modified") : null,
        ["from"] = alert.FromBlob,
        ["to"] = alert.ToBlob,
        ["base"] = alert.BaseRef,
        ["changedAt"] = alert.ChangedAt,
        ["minutesAgo"] = Math.Max(0, (long)Math.Floor((now - alert.ChangedAt).TotalMinutes)),
        ["author"] = alert.Author,
        ["commit"] = alert.Commit,
        ["subject"] = alert.Subject,
        ["source"] = alert.Source,
        ["level"] = Level(alert.Level),
        ["text"] = alert.Text,
        ["changes"] = new JsonArray([.. alert.Changes.Select(c => (JsonNode?)new JsonObject { ["kind"] = c.KindName, ["text"] = c.Text })]),
        ["raisedAt"] = alert.RaisedAt,
        ["acknowledgedAt"] = alert.AckedAt,
    };
}
