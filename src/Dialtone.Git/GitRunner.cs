using System.Text;
using Dialtone.Git.Processes;

namespace Dialtone.Git;

/// <summary>
/// The one place that builds git invocations' process specs: the repository variables a hook's git
/// sets are stripped unless the call is about that ambient repository, messages stay in English,
/// and every call has a timeout (the process runner kills the tree at it).
/// </summary>
public sealed class GitRunner
{
    // Variables git sets for hooks and that would redirect a child git to the wrong repository.
    private static readonly string[] RepositoryVariables =
    [
        "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES",
    ];

    public GitRunner(string workingDirectory, bool ambient = false, TimeSpan? timeout = null, string? executable = null)
    {
        WorkingDirectory = workingDirectory;
        Ambient = ambient;
        Timeout = timeout ?? TimeSpan.FromSeconds(60);
        Executable = executable ?? Environment.GetEnvironmentVariable("DIALTONE_GIT") ?? "git";
    }

    public string WorkingDirectory { get; }

    /// <summary>
    /// True when git is talking to the repository that invoked us (a hook), so GIT_DIR and friends
    /// set by the parent git must be kept. Otherwise they are stripped.
    /// </summary>
    public bool Ambient { get; }

    public TimeSpan Timeout { get; }

    public string Executable { get; }

    public GitResult Run(params string[] args) => Run(args, stdin: null, environment: null);

    /// <summary>Runs git and throws <see cref="GitCommandException"/> on a non-zero exit.</summary>
    public string RunChecked(params string[] args)
    {
        var result = Run(args);
        return result.Success ? result.Output : throw new GitCommandException(args, result);
    }

    public GitResult Run(IReadOnlyList<string> args, string? stdin, IReadOnlyDictionary<string, string?>? environment)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // Messages are parsed in places; keep them in English whatever the user's locale.
            ["LC_ALL"] = "C",
            ["GIT_TERMINAL_PROMPT"] = "0",
        };
        if (!Ambient)
        {
            foreach (var name in RepositoryVariables)
            {
                variables[name] = null;
            }
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        ProcessResult result;
        try
        {
            result = ProcessRunner.Run(new ProcessSpec
            {
                FileName = Executable,
                Arguments = args,
                WorkingDirectory = WorkingDirectory,
                Environment = variables,
                Input = stdin is null ? null : Encoding.UTF8.GetBytes(stdin),
                Timeout = Timeout,
                StderrLimit = 1024 * 1024,

                // git leaves nothing holding its pipes, so all of its output is always read.
                DrainAfterExit = Timeout,
            });
        }
        catch (ProcessStartException ex)
        {
            throw new GitNotFoundException(Executable, ex);
        }

        return result.TimedOut
            ? throw new GitTimeoutException(args, Timeout)
            : new GitResult(result.ExitCode, result.StdoutText, result.StderrText);
    }
}
