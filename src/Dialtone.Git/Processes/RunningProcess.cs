using System.Diagnostics;

namespace Dialtone.Git.Processes;

/// <summary>
/// A started child: its output is pumped into sinks (or bounded buffers) on reader threads from the
/// start, so a chatty child can never block on a full pipe while we wait for it.
/// </summary>
public sealed class RunningProcess : IDisposable
{
    private readonly Process process;
    private readonly ProcessSpec spec;
    private readonly Stopwatch clock;
    private readonly BoundedBuffer? stdout;
    private readonly BoundedBuffer? stderr;
    private readonly Task[] pumps;

    internal RunningProcess(Process process, ProcessSpec spec, Stopwatch clock)
    {
        this.process = process;
        this.spec = spec;
        this.clock = clock;
        Pid = process.Id;
        stdout = spec.StdoutSink is null ? new BoundedBuffer(spec.StdoutLimit) : null;
        stderr = spec.StderrSink is null ? new BoundedBuffer(spec.StderrLimit) : null;
        pumps =
        [
            Pump(process.StandardOutput.BaseStream, spec.StdoutSink ?? stdout!),
            Pump(process.StandardError.BaseStream, spec.StderrSink ?? stderr!),
        ];
    }

    public int Pid { get; }

    public TimeSpan Elapsed => clock.Elapsed;

    public bool HasExited => process.HasExited;

    /// <summary>True when the process exited within <paramref name="timeout"/>.</summary>
    public bool WaitForExit(TimeSpan timeout) => process.WaitForExit(timeout);

    /// <summary>SIGKILL to the process and every descendant it still has.</summary>
    public void KillTree()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited just now.
        }
    }

    /// <summary>Waits for the exit, then for the output up to the spec's drain bound, and says how it ended.</summary>
    public ProcessResult Finish(bool timedOut)
    {
        process.WaitForExit();
        Task.WaitAll(pumps, spec.DrainAfterExit);
        return new ProcessResult(
            Pid,
            timedOut ? -1 : process.ExitCode,
            timedOut,
            clock.Elapsed,
            stdout?.ToArray() ?? [],
            stderr?.ToArray() ?? []);
    }

    public void Dispose() => process.Dispose();

    private static Task Pump(Stream source, IOutputSink sink) => Task.Factory.StartNew(
        () =>
        {
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    sink.Write(buffer.AsSpan(0, read));
                }
            }
            catch (IOException)
            {
                // The pipe broke; what arrived is kept.
            }
            catch (ObjectDisposedException)
            {
                // Disposed after the drain bound: a leftover child still held the pipe.
            }

            sink.Complete();
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);
}
