namespace Dialtone.Core.Runs;

/// <summary>What a shell command did: exit code (-1 when killed at the timeout), output, duration.</summary>
public sealed record ShellResult(int ExitCode, bool TimedOut, long DurationMs, string Output, string OutputDigest, long OutputBytes)
{
    /// <summary>Processes the test left running when it exited, which were stopped.</summary>
    public int LeftRunning { get; init; }
}
