namespace Dialtone.Git;

/// <summary>One commit as a change's origin: its id, author name, commit time and subject line.</summary>
public sealed record CommitInfo(string Id, string Author, DateTimeOffset Time, string Subject);
