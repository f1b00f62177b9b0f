namespace Dialtone.Records.Gate;

/// <summary>One finding of the gate: its code (docs/build-gate.md), message, and whether it may be an error.</summary>
public sealed record GateDiagnostic(string Code, string Message, string Help, bool AlwaysWarning = false);
