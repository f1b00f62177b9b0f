namespace Dialtone.Core.Gates;

/// <summary>`.dialtone/config.json` as HEAD has it and as the commit would record it (null: no file), when the two differ.</summary>
public sealed record ConfigChange(string? Head, string? Staged);
