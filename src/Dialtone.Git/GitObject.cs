namespace Dialtone.Git;

/// <summary>An object read from the object store: its id, type (blob, tree, commit, tag) and content.</summary>
public sealed record GitObject(string Id, string Type, byte[] Content);
