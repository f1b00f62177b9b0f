namespace Dialtone.Git;

/// <summary>What one git invocation produced.</summary>
public sealed record GitResult(int ExitCode, string StdOut, string StdErr)
{
    public bool Success => ExitCode == 0;

    /// <summary>stdout without the trailing newline git always prints.</summary>
    public string Output => StdOut.TrimEnd('\n', '\r');
}
