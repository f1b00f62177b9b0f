namespace Dialtone.Git;

/// <summary>Base of every failure that comes from talking to git.</summary>
public class GitException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The git executable could not be started: it is not installed or not on PATH.</summary>
public sealed class GitNotFoundException(string executable, Exception inner)
    : GitException($"git was not found ('{executable}' could not be started). Install git or put it on PATH.", inner);

/// <summary>git ran longer than the runner allows; the process tree was killed.</summary>
public sealed class GitTimeoutException(IReadOnlyList<string> args, TimeSpan timeout)
    : GitException($"git {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0.#} s and was stopped.");

/// <summary>git exited with a non-zero code where success was required.</summary>
public sealed class GitCommandException(IReadOnlyList<string> args, GitResult result)
    : GitException($"git {string.Join(' ', args)} failed (exit {result.ExitCode}): {FirstLine(result.StdErr)}")
{
    public GitResult Result { get; } = result;

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline];
    }
}

/// <summary>Why a path has no work tree to work on.</summary>
public enum NoWorkTreeReason
{
    /// <summary>The directory does not exist.</summary>
    NoDirectory,

    /// <summary>No git repository contains it.</summary>
    NotARepository,

    /// <summary>It is (inside) a bare repository, which has no work tree.</summary>
    Bare,

    /// <summary>git refuses it: it belongs to another user and is not listed in safe.directory.</summary>
    NotOwned,
}

/// <summary>The path is not inside a git work tree.</summary>
public sealed class NotARepositoryException(string path, NoWorkTreeReason reason = NoWorkTreeReason.NotARepository)
    : GitException(reason switch
    {
        NoWorkTreeReason.NoDirectory => $"The directory '{path}' does not exist.",
        NoWorkTreeReason.Bare => $"'{path}' is a bare git repository: it has no work tree for Dialtone to work in.",
        NoWorkTreeReason.NotOwned => $"git refuses the repository at '{path}': it belongs to another user (git's safe.directory check).",
        _ => $"'{path}' is not inside a git repository. Run `git init` there, or pass -C <path-to-a-repository>.",
    })
{
    public string Path { get; } = path;

    public NoWorkTreeReason Reason { get; } = reason;
}
