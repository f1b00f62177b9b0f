using Dialtone.Git.Processes;

namespace Dialtone.Core.Grants;

/// <summary>
/// Runs a mint or revoke command from the repository root with no input, stdout and stderr kept
/// apart (the mint prints the secret on stdout) and bounded, and a timeout that kills everything it
/// started. Takes no store lock: callers run it with the store closed.
/// </summary>
public static class ToolRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private const int StdoutLimit = 64 * 1024;
    private const int StderrLimit = 16 * 1024;

    public static ToolResult Run(ToolCommand command, string workTree, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var spec = command.Spec(workTree) with
        {
            Environment = environment.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal),
            Timeout = timeout,
            StdoutLimit = StdoutLimit,
            StderrLimit = StderrLimit,

            // A background child holding the pipes open must not hang the grant: take what was read.
            DrainAfterExit = TimeSpan.FromSeconds(5),
        };
        try
        {
            var result = ProcessRunner.Run(spec);
            return new ToolResult(result.ExitCode, result.TimedOut, result.Stdout, result.StderrText, null);
        }
        catch (ProcessStartException ex)
        {
            return new ToolResult(127, false, [], "", $"{spec.FileName}: {ex.InnerException?.Message}");
        }
    }
}
