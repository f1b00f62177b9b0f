using System.ComponentModel;
using System.Diagnostics;

namespace Dialtone.Git;

/// <summary>
/// The one place that starts git. Arguments go through ArgumentList (never a shell), stdout and
/// stderr are drained concurrently so a chatty git cannot deadlock on a full pipe, and every call
/// has a timeout after which the whole process tree is killed.
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
        var info = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (!Ambient)
        {
            foreach (var name in RepositoryVariables)
            {
                info.Environment.Remove(name);
            }
        }

        // Messages are parsed in places; keep them in English whatever the user's locale.
        info.Environment["LC_ALL"] = "C";
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                {
                    info.Environment.Remove(name);
                }
                else
                {
                    info.Environment[name] = value;
                }
            }
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new GitNotFoundException(Executable, ex);
        }

        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            try
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // git exited before reading all of stdin; its exit code tells the story.
            }
        }

        if (!process.WaitForExit(Timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the timeout and the kill.
            }

            process.WaitForExit();
            throw new GitTimeoutException(args, Timeout);
        }

        // The parameterless wait also waits for the redirected streams to reach EOF.
        process.WaitForExit();
        return new GitResult(process.ExitCode, stdoutTask.GetAwaiter().GetResult(), stderrTask.GetAwaiter().GetResult());
    }
}
