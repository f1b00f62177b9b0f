using System.Buffers;
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

    public static ShellResult Run(string command, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment)
    {
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

        // One pipe for both streams keeps their interleaving; the command itself is one argument.
        using var capture = new BoundedCapture();
        ProcessResult result;
        try
        {
            result = ProcessRunner.Run(ProcessSpec.Shell("exec 2>&1\n" + command, workingDirectory) with
            {
                Environment = variables,
                Timeout = timeout,
                StdoutSink = capture,
                DrainAfterExit = TimeSpan.FromSeconds(5),
            });
        }
        catch (ProcessStartException ex)
        {
            throw DialtoneError.Environment($"Cannot start /bin/sh to run the test: {ex.InnerException?.Message}", null, ex);
        }

        return new ShellResult(result.ExitCode, result.TimedOut, (long)result.Elapsed.TotalMilliseconds, capture.Text(), capture.Digest(), capture.Total);
    }

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
