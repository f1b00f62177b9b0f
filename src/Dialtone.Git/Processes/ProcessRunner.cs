using System.ComponentModel;
using System.Diagnostics;

namespace Dialtone.Git.Processes;

/// <summary>
/// The one place that starts processes: git, test commands, grant tools and the commands a grant
/// supervises. Arguments always go through ArgumentList; stdout and stderr are read concurrently;
/// a timeout kills the whole process tree.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs to the end (or the timeout) and returns how it ended.</summary>
    public static ProcessResult Run(ProcessSpec spec)
    {
        using var running = Start(spec);
        var exited = running.WaitForExit(spec.Timeout ?? Timeout.InfiniteTimeSpan);
        if (!exited)
        {
            running.KillTree();
        }

        return running.Finish(timedOut: !exited);
    }

    /// <summary>Starts it with its output pumped; the caller waits, signals or kills.</summary>
    public static RunningProcess Start(ProcessSpec spec)
    {
        var info = Describe(spec);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = !spec.InheritInput;
        var process = new Process { StartInfo = info };
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new ProcessStartException(spec.FileName, ex);
        }

        var running = new RunningProcess(process, spec, clock);
        if (!spec.InheritInput)
        {
            try
            {
                if (spec.Input is { Length: > 0 } input)
                {
                    process.StandardInput.BaseStream.Write(input);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // It exited before reading all of its input; its exit code tells the story.
            }
        }

        return running;
    }

    /// <summary>Starts it with inherited streams and does not wait (a background revoke); the pid, or the reason it did not start.</summary>
    public static (int? Pid, string? Error) StartDetached(ProcessSpec spec)
    {
        try
        {
            using var process = Process.Start(Describe(spec))!;
            return (process.Id, null);
        }
        catch (Win32Exception ex)
        {
            return (null, ex.Message);
        }
    }

    private static ProcessStartInfo Describe(ProcessSpec spec)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
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

        return info;
    }
}
