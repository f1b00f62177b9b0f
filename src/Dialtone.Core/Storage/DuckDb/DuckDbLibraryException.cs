namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// libduckdb is missing, unloadable, or the wrong version. The message is a single line that
/// names the problem and the fix, because the CLI prints it as-is instead of a stack trace.
/// </summary>
public sealed class DuckDbLibraryException : Exception
{
    public DuckDbLibraryException()
        : base("libduckdb could not be loaded.")
    {
    }

    public DuckDbLibraryException(string message)
        : base(message)
    {
    }

    public DuckDbLibraryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
