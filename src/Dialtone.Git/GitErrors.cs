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

/// <summary>The path is not inside a git work tree.</summary>
public sealed class NotARepositoryException(string path)
    : GitException($"'{path}' is not inside a git repository. Run `git init` there, or pass -C <path-to-a-repository>.");
