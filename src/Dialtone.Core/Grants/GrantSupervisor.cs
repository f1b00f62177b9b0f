using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;

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

    /// <param name="signals">Caught since before the mint; from the start on, forwarded to the command.</param>
    /// <param name="started">Called with the command's pid once it runs (to record it).</param>
    /// <param name="warn">Called once, <see cref="SupervisedCommand.WarnBefore"/> before expiry.</param>
    public static SupervisorOutcome Run(SupervisedCommand command, GrantSignals signals, Stream stdout, LineSafeWriter stderr, Action<int> started, Action warn)
    {
        var info = new ProcessStartInfo(command.Arguments[0])
        {
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            info.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var expiresIn = command.ExpiresAt - DateTimeOffset.UtcNow;
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw DialtoneError.Usage($"Cannot start '{Tickets.Names.Printable(command.Arguments[0])}': {ex.Message}");
        }

        var stdoutSink = new StreamSink(stdout);
        var pumps = new[]
        {
            Pump(process.StandardOutput.BaseStream, new MaskingFilter(command.SecretForms, command.Variable), stdoutSink.Write),
            Pump(process.StandardError.BaseStream, new MaskingFilter(command.SecretForms, command.Variable), stderr.WriteChild),
        };
        signals.Attach(process.Id);

        started(process.Id);

        var expired = false;
        var warned = expiresIn <= command.WarnBefore;
        while (true)
        {
            var untilExpiry = expiresIn - clock.Elapsed;
            var untilWarning = warned ? untilExpiry : expiresIn - command.WarnBefore - clock.Elapsed;
            var wait = TimeSpan.FromTicks(Math.Clamp(Math.Min(untilExpiry.Ticks, untilWarning.Ticks), 0, TimeSpan.TicksPerHour));
            if (process.WaitForExit(wait))
            {
                break;
            }

            if (!warned && clock.Elapsed >= expiresIn - command.WarnBefore)
            {
                warned = true;
                warn();
            }

            if (clock.Elapsed >= expiresIn)
            {
                expired = true;
                ProcessTree.Stop(process.Id, command.Cookie, command.Grace);
                process.WaitForExit();
                break;
            }
        }

        process.WaitForExit();
        signals.Detach();
        var exitCode = process.ExitCode;

        // Whatever it left behind still holds the secret (and maybe our pipes): the grant ends now.
        var leftovers = ProcessTree.Stop(null, command.Cookie, command.Grace);
        Task.WaitAll(pumps, PumpDrain);
        return new SupervisorOutcome(true, process.Id, exitCode, expired, signals.Received, clock.Elapsed, leftovers);
    }

    private static Task Pump(Stream source, MaskingFilter filter, ByteSink sink) => Task.Factory.StartNew(
        () =>
        {
            var buffer = new byte[16 * 1024];
            var output = new ArrayBufferWriter<byte>();
            int read;
            try
            {
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    output.ResetWrittenCount();
                    filter.Write(buffer.AsSpan(0, read), output);
                    sink(output.WrittenSpan);
                }
            }
            catch (IOException)
            {
                // The pipe broke: what was held back is still flushed below.
            }

            output.ResetWrittenCount();
            filter.Complete(output);
            sink(output.WrittenSpan);
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

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
