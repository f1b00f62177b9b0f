namespace Dialtone.Core.Alerts;

/// <summary>A pattern added with `ticket watch add`, or a watched path or pattern switched off with `ticket watch rm`.</summary>
public sealed record WatchEntry(string Pattern, bool Exclude, DateTimeOffset AddedAt, string AddedBy);
