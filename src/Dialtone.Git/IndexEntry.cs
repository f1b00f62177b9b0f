namespace Dialtone.Git;

/// <summary>One path in the index: its mode, the id of its staged blob, and its merge stage (0 when not conflicted).</summary>
public sealed record IndexEntry(string Mode, string ObjectId, int Stage, string Path);
