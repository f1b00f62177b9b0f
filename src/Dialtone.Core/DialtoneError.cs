namespace Dialtone.Core;

/// <summary>
/// A failure the user can act on: it carries the exit code of the command contract and, where
/// there is one, the exact command that fixes it. Rendered without a stack trace.
/// </summary>
public class DialtoneError(int exitCode, string message, string? action = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public string? Action { get; } = action;

    public static DialtoneError Usage(string message, string? action = null) => new(ExitCodes.Usage, message, action);

    public static DialtoneError Environment(string message, string? action = null, Exception? inner = null) =>
        new(ExitCodes.Environment, message, action, inner);

    public static DialtoneError Blocked(string message, string? action = null) => new(ExitCodes.Blocked, message, action);
}
