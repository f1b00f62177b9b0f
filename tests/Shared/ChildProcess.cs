using System.Diagnostics;

namespace Dialtone.Tests;

/// <summary>
/// Runs a program the way the tests need: argument list, environment overrides (null removes a
/// variable), no stdin, both streams read concurrently, and a timeout that kills the process tree.
/// </summary>
public static class ChildProcess
{
    public sealed record Outcome(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed);

    public static Outcome Run(
        string program,
        string directory,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string?>? environment,
        TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
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

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeout.TotalSeconds:0} s");
        }

        process.WaitForExit();
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
