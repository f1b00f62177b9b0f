namespace Dialtone.Records.Gate;

/// <summary>Thrown by an <see cref="IGateGit"/> when git cannot answer; the gate turns it into DT0005.</summary>
public sealed class GateGitException(string message, Exception? inner = null) : Exception(message, inner);
