namespace Dialtone.Core.Storage;

/// <summary>One forward-only schema step. Versions are consecutive from 1; SQL runs in one transaction.</summary>
public sealed record Migration(int Version, string Description, string Sql);
