using System.Diagnostics;
using System.Text;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>The real CLI as a running process: read its output as it comes, send it signals, await its end.</summary>
public sealed class RunningCli : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly Task readers;

    public RunningCli(string workingDirectory, string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(Cli.DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Cli.Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("DIALTONE_DUCKDB_LIB");
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
        process = Process.Start(info)!;
        process.StandardInput.Close();
        readers = Task.WhenAll(Pump(process.StandardOutput, stdout), Pump(process.StandardError, stderr));
    }

    public int Pid => process.Id;

    public string StdOut
    {
        get
        {
            lock (stdout)
            {
                return stdout.ToString();
            }
        }
    }

    public string StdErr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>Waits until stdout contains <paramref name="text"/> (the command is running).</summary>
    public async Task<bool> WaitForOutput(string text, double seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds && !process.HasExited)
        {
            if (StdOut.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return StdOut.Contains(text, StringComparison.Ordinal);
    }

    /// <summary>Sends a signal the way a terminal or a supervisor would (kill -INT / -TERM pid).</summary>
    public async Task Signal(string name)
    {
        using var kill = Process.Start("kill", [$"-{name}", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    public async Task<CliResult> Finish(double seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await process.WaitForExitAsync(timeout.Token);
        await readers;
        return new CliResult(process.ExitCode, StdOut, StdErr, TimeSpan.Zero);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }
}
