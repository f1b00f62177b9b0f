using System.Buffers;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Grants;

/// <summary>
/// Runs a granted command and enforces the grant: its output passes through the masking filter,
/// SIGINT/SIGTERM/SIGHUP sent to Dialtone are forwarded to it, a warning comes a minute before
/// expiry, and at expiry everything it started gets SIGTERM, then SIGKILL after the grace period.
/// When it exits on its own, anything it left running with the secret is stopped too: the grant
/// ends with the command. Holds no store lock.
/// </summary>
public static class GrantSupervisor
{
    public delegate void ByteSink(ReadOnlySpan<byte> data);

    private static readonly TimeSpan PumpDrain = TimeSpan.FromSeconds(2);

    /// <param name="time">The clock the expiry is measured on; the warning and the expiry are timers made by it.</param>
    /// <param name="signals">Caught since before the mint; from the start on, forwarded to the command.</param>
    /// <param name="started">Called with the command's pid once it runs (to record it).</param>
    /// <param name="warn">Called once, <see cref="SupervisedCommand.WarnBefore"/> before expiry.</param>
    public static SupervisorOutcome Run(SupervisedCommand command, TimeProvider time, GrantSignals signals, Stream stdout, LineSafeWriter stderr, Action<int> started, Action warn)
    {
        var program = command.Arguments[0];
        var spec = new ProcessSpec
        {
            FileName = program,
            Arguments = command.Arguments.Skip(1).ToArray(),
            WorkingDirectory = command.WorkingDirectory,
            Environment = command.Environment.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal),
            InheritInput = true,
            StdoutSink = new MaskingSink(command.Mask.Filter(), new StreamSink(stdout).Write),
            StderrSink = new MaskingSink(command.Mask.Filter(), stderr.WriteChild),
            DrainAfterExit = PumpDrain,
        };

        // Armed before the command starts, so that whoever moves the clock once it runs finds them set.
        var expiry = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bounded = command.ExpiresAt < DateTimeOffset.MaxValue;
        using var warning = bounded && command.ExpiresAt - time.GetUtcNow() > command.WarnBefore
            ? new Alarm(time, command.ExpiresAt - command.WarnBefore, warn)
            : null;
        using var end = bounded ? new Alarm(time, command.ExpiresAt, () => expiry.TrySetResult()) : null;
        RunningProcess process;
        try
        {
            process = ProcessRunner.Start(spec);
        }
        catch (ProcessStartException ex)
        {
            throw DialtoneError.Usage($"Cannot start '{Tickets.Names.Printable(program)}': {ex.InnerException?.Message}");
        }

        using (process)
        {
            signals.Attach(process.Pid);
            started(process.Pid);

            var exited = Task.Factory.StartNew(
                () => process.WaitForExit(Timeout.InfiniteTimeSpan),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            var expired = Task.WaitAny(exited, expiry.Task) == 1;

            // No warning after the command is gone or stopped.
            warning?.Dispose();
            if (expired)
            {
                ProcessTree.Stop(process.Pid, command.Cookie, command.Grace);
            }

            exited.Wait();
            signals.Detach();

            // Whatever it left behind still holds the secret (and maybe our pipes): the grant ends now.
            var leftovers = ProcessTree.Stop(null, command.Cookie, command.Grace);
            var result = process.Finish(timedOut: false);
            return new SupervisorOutcome(true, process.Pid, result.ExitCode, expired, signals.Received, result.Elapsed, leftovers);
        }
    }

    /// <summary>Passes a child's output through the masking filter on its way to the sink.</summary>
    private sealed class MaskingSink(MaskingFilter filter, ByteSink sink) : IOutputSink
    {
        private readonly ArrayBufferWriter<byte> output = new();

        public void Write(ReadOnlySpan<byte> data)
        {
            output.ResetWrittenCount();
            filter.Write(data, output);
            sink(output.WrittenSpan);
        }

        public void Complete()
        {
            output.ResetWrittenCount();
            filter.Complete(output);
            sink(output.WrittenSpan);
        }
    }

    /// <summary>Our stdout for the command's stdout; a reader that went away (`| head`) is not an error.</summary>
    private sealed class StreamSink(Stream stream)
    {
        private bool broken;

        public void Write(ReadOnlySpan<byte> data)
        {
            if (broken || data.IsEmpty)
            {
                return;
            }

            try
            {
                stream.Write(data);
                stream.Flush();
            }
            catch (IOException)
            {
                broken = true;
            }
        }
    }
}
