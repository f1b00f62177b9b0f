namespace Dialtone.Core.Grants;

/// <summary>What a mint or revoke command did. <see cref="StartError"/> is set when it could not start at all.</summary>
public sealed record ToolResult(int ExitCode, bool TimedOut, byte[] Stdout, string Stderr, string? StartError)
{
    public bool Succeeded => StartError is null && !TimedOut && ExitCode == 0;

    /// <summary>"exit 3", "timed out after 60 s", "could not start: …" — for messages and the store.</summary>
    public string Outcome(TimeSpan timeout) =>
        StartError is not null ? $"could not start: {StartError}"
        : TimedOut ? $"timed out after {GrantDuration.Text(timeout)}"
        : $"exit {ExitCode}";
}
