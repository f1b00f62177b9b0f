using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Runs;

/// <summary>
/// Runs a test command through /bin/sh in the repository root, with stdout and stderr merged in
/// order, a timeout that kills the whole process tree, and output kept bounded (head and tail)
/// while the digest covers all of it.
/// </summary>
public static class ShellRunner
{
    public const int HeadBytes = 64 * 1024;
    public const int TailBytes = 448 * 1024;

    /// <summary>Marks every process a test starts, so leftovers and orphans can be found and stopped.</summary>
    public const string CookieVariable = "DIALTONE_RUN_COOKIE";

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    /// <param name="registry">
    /// Where running tests are registered (a file per run naming this process and the test), so a
    /// test orphaned by a killed dialtone can be found and stopped by the next command; null: none.
    /// </param>
    public static ShellResult Run(string command, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, string? registry = null)
    {
        var cookie = Guid.NewGuid().ToString("N");
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GIT_DIR"] = null,
            ["GIT_INDEX_FILE"] = null,
            ["GIT_WORK_TREE"] = null,
            ["GIT_PREFIX"] = null,
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        variables[CookieVariable] = cookie;

        // One pipe for both streams keeps their interleaving; the command itself is one argument.
        using var capture = new BoundedCapture();
        var spec = ProcessSpec.Shell("exec 2>&1\n" + command, workingDirectory) with
        {
            Environment = variables,
            StdoutSink = capture,
            DrainAfterExit = TimeSpan.FromMilliseconds(500),
        };

        RunningProcess process;
        try
        {
            process = ProcessRunner.Start(spec);
        }
        catch (ProcessStartException ex)
        {
            throw DialtoneError.Environment($"Cannot start /bin/sh to run the test: {ex.InnerException?.Message}", null, ex);
        }

        var entry = RunningTests.Register(registry, process.Pid, cookie);
        int? interrupted = null;
        void Interrupt(PosixSignalContext context)
        {
            // Ctrl-C or a kill of dialtone stops the test and everything it started, then dialtone.
            context.Cancel = true;
            interrupted ??= (int)context.Signal;
            ProcessTree.Stop(process.Pid, cookie, StopGrace, CookieVariable);
        }

        using (process)
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt))
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt))
        using (PosixSignalRegistration.Create(PosixSignal.SIGHUP, Interrupt))
        {
            try
            {
                var exited = process.WaitForExit(timeout);
                if (!exited)
                {
                    ProcessTree.Stop(process.Pid, cookie, TimeSpan.Zero, CookieVariable);
                    process.KillTree();
                }

                process.WaitForExit(Timeout.InfiniteTimeSpan);

                // What the test left running (a server it started, a `sleep &`) still holds our pipe
                // and would outlive the run: it is stopped, and the run says so.
                var leftovers = ProcessTree.Stop(null, cookie, StopGrace, CookieVariable);
                var result = process.Finish(timedOut: !exited);
                if (interrupted is { } signal)
                {
                    throw DialtoneError.Environment(
                        $"Interrupted ({SignalName(signal)}): the test `{command}` and everything it started were stopped; the run was not recorded.",
                        "./dialtone.sh ticket next");
                }

                return new ShellResult(result.ExitCode, result.TimedOut, (long)result.Elapsed.TotalMilliseconds, capture.Text(), capture.Digest(), capture.Total)
                {
                    LeftRunning = leftovers,
                };
            }
            finally
            {
                RunningTests.Unregister(entry);
            }
        }
    }

    private static string SignalName(int signal) => signal switch
    {
        (int)PosixSignal.SIGINT => "SIGINT",
        (int)PosixSignal.SIGTERM => "SIGTERM",
        (int)PosixSignal.SIGHUP => "SIGHUP",
        _ => $"signal {signal}",
    };

    /// <summary>Keeps the first <see cref="HeadBytes"/> and last <see cref="TailBytes"/>, hashes everything.</summary>
    private sealed class BoundedCapture : IOutputSink, IDisposable
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly ArrayBufferWriter<byte> head = new();
        private readonly byte[] tail = new byte[TailBytes];
        private readonly Lock gate = new();
        private long tailWritten;

        public long Total { get; private set; }

        public void Write(ReadOnlySpan<byte> data)
        {
            lock (gate)
            {
                Append(data);
            }
        }

        public void Complete()
        {
        }

        public void Dispose() => hash.Dispose();

        public string Digest()
        {
            lock (gate)
            {
                return Convert.ToHexStringLower(hash.GetCurrentHash());
            }
        }

        public string Text()
        {
            lock (gate)
            {
                var headText = Encoding.UTF8.GetString(head.WrittenSpan);
                if (tailWritten == 0)
                {
                    return headText.Replace('\0', '\uFFFD');
                }

                var count = (int)Math.Min(tailWritten, TailBytes);
                var ordered = new byte[count];
                var start = (int)(tailWritten % TailBytes);
                if (tailWritten <= TailBytes)
                {
                    Array.Copy(tail, 0, ordered, 0, count);
                }
                else
                {
                    Array.Copy(tail, start, ordered, 0, TailBytes - start);
                    Array.Copy(tail, 0, ordered, TailBytes - start, start);
                }

                var skipped = Total - head.WrittenCount - count;
                var marker = skipped > 0 ? $"\n… {skipped} bytes of output not kept …\n" : "";
                return (headText + marker + Encoding.UTF8.GetString(ordered)).Replace('\0', '\uFFFD');
            }
        }

        private void Append(ReadOnlySpan<byte> data)
        {
            hash.AppendData(data);
            Total += data.Length;
            var toHead = (int)Math.Min(data.Length, Math.Max(0, HeadBytes - head.WrittenCount));
            head.Write(data[..toHead]);
            foreach (var b in data[toHead..])
            {
                tail[tailWritten % TailBytes] = b;
                tailWritten++;
            }
        }
    }
}
