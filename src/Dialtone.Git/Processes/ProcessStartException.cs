namespace Dialtone.Git.Processes;

/// <summary>The program could not be started at all: not found, not executable, or the directory is missing.</summary>
public sealed class ProcessStartException(string fileName, Exception inner)
    : Exception($"'{fileName}' could not be started: {inner.Message}", inner)
{
    public string FileName { get; } = fileName;
}
