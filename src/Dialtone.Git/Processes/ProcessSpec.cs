namespace Dialtone.Git.Processes;

/// <summary>
/// What to run and how: an argument list (never a command line to split), the directory, changes to
/// the inherited environment, the input, a timeout, and where output goes. Output that has no sink
/// is captured, bounded by the limits.
/// </summary>
public sealed record ProcessSpec
{
    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public required string WorkingDirectory { get; init; }

    /// <summary>Variables to set; a null value removes the variable from the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Bytes written to stdin, which is then closed. Null closes it at once, unless <see cref="InheritInput"/>.</summary>
    public byte[]? Input { get; init; }

    /// <summary>The child reads this process's stdin (an interactive command under a grant).</summary>
    public bool InheritInput { get; init; }

    /// <summary>Null: no limit. At the limit the whole process tree is killed.</summary>
    public TimeSpan? Timeout { get; init; }

    public IOutputSink? StdoutSink { get; init; }

    public IOutputSink? StderrSink { get; init; }

    public int StdoutLimit { get; init; } = int.MaxValue;

    public int StderrLimit { get; init; } = 64 * 1024;

    /// <summary>
    /// How long to keep reading after the process exited. A background child that inherited the
    /// pipes can hold them open forever; what it writes after this is not waited for.
    /// </summary>
    public TimeSpan DrainAfterExit { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>`/bin/sh -c &lt;text&gt;`: the text is one argument, so nothing in it is split or quoted by us.</summary>
    public static ProcessSpec Shell(string text, string workingDirectory, params string[] positional) => new()
    {
        FileName = "/bin/sh",
        Arguments = ["-c", text, .. positional],
        WorkingDirectory = workingDirectory,
    };
}
