namespace Dialtone.Git;

/// <summary>What one git invocation produced.</summary>
public sealed record GitResult(int ExitCode, string StdOut, string StdErr)
{
    public bool Success => ExitCode == 0;

    /// <summary>stdout without the trailing newline git always prints.</summary>
    public string Output => StdOut.TrimEnd('\n', '\r');

    /// <summary>stdout as git wrote it, for output that is not text (blob contents).</summary>
    internal byte[] StdOutBytes { get; init; } = [];
}
