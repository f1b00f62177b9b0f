namespace Dialtone.Core.Alerts;

/// <summary>The version of a doc a ticket last acknowledged on one stream; a null blob means "acknowledged as absent".</summary>
public sealed record Baseline(AlertStream Stream, string Path, string? Blob);
