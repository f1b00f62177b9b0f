using System.Text;
using Dialtone.Git.Processes;

namespace Dialtone.Git;

/// <summary>
/// The one place that builds git invocations' process specs: the repository variables a hook's git
/// sets are stripped and replaced by the ones the caller passed for the ambient repository, messages
/// stay in English, and every call has a timeout (the process runner kills the tree at it). Internal:
/// outside this project git is asked through typed queries, never through an argument list.
/// </summary>
internal sealed class GitRunner
{
    public GitRunner(string workingDirectory, GitEnvironment? ambient = null, TimeSpan? timeout = null, string? executable = null)
    {
        WorkingDirectory = workingDirectory;
        Ambient = ambient ?? GitEnvironment.None;
        Timeout = timeout ?? TimeSpan.FromSeconds(60);
        Executable = executable ?? Environment.GetEnvironmentVariable("DIALTONE_GIT") ?? "git";
    }

    public string WorkingDirectory { get; }

    /// <summary>
    /// The repository variables of the git that invoked us (a hook), set on every call; empty when
    /// git is talking to a repository of its own choosing, so inherited ones are stripped.
    /// </summary>
    public GitEnvironment Ambient { get; }

    public TimeSpan Timeout { get; }

    public string Executable { get; }

    public GitResult Run(params string[] args) => Run(args, stdin: null, environment: null);

    /// <summary>Runs git and returns its <see cref="GitResult.Output"/>; throws <see cref="GitCommandException"/> on a non-zero exit.</summary>
    public string RunChecked(params string[] args) => Checked(args, stdin: null, environment: null).Output;

    /// <summary>Runs git and returns its result; throws <see cref="GitCommandException"/> on a non-zero exit.</summary>
    public GitResult Checked(IReadOnlyList<string> args, string? stdin = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = Run(args, stdin, environment);
        return result.Success ? result : throw new GitCommandException(args, result);
    }

    public GitResult Run(IReadOnlyList<string> args, string? stdin, IReadOnlyDictionary<string, string?>? environment)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // Messages are parsed in places; keep them in English whatever the user's locale.
            ["LC_ALL"] = "C",
            ["GIT_TERMINAL_PROMPT"] = "0",
        };
        foreach (var name in GitEnvironment.Names)
        {
            variables[name] = Ambient.Variables.GetValueOrDefault(name);
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
            : new GitResult(result.ExitCode, result.StdoutText, result.StderrText) { StdOutBytes = result.Stdout };
    }
}
