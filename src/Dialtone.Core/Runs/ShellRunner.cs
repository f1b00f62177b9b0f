using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

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
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        // One pipe for both streams keeps their interleaving; the command itself is one argument.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec 2>&1\n" + command);
        foreach (var name in new[] { "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_PREFIX" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw DialtoneError.Environment($"Cannot start /bin/sh to run the test: {ex.Message}", null, ex);
        }

        process.StandardInput.Close();
        var capture = new BoundedCapture();
        var reader = Task.Run(() => capture.Drain(process.StandardOutput.BaseStream));
        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited just now.
            }

            process.WaitForExit();
        }

        // A background child that keeps the pipe open must not hang us: take what was read.
        reader.Wait(TimeSpan.FromSeconds(5));

        var exitCode = timedOut ? -1 : process.ExitCode;
        return new ShellResult(exitCode, timedOut, clock.ElapsedMilliseconds, capture.Text(), capture.Digest(), capture.Total);
    }

    /// <summary>Keeps the first <see cref="HeadBytes"/> and last <see cref="TailBytes"/>, hashes everything.</summary>
    private sealed class BoundedCapture
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly MemoryStream head = new();
        private readonly byte[] tail = new byte[TailBytes];
        private readonly object gate = new();
        private long tailWritten;

        public long Total { get; private set; }

        public void Drain(Stream stream)
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (gate)
                {
                    Append(buffer.AsSpan(0, read));
                }
            }
        }

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
                var headText = Encoding.UTF8.GetString(head.GetBuffer(), 0, (int)head.Length);
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

                var skipped = Total - head.Length - count;
                var marker = skipped > 0 ? $"\n… {skipped} bytes of output not kept …\n" : "";
                return (headText + marker + Encoding.UTF8.GetString(ordered)).Replace('\0', '\uFFFD');
            }
        }

        private void Append(ReadOnlySpan<byte> data)
        {
            hash.AppendData(data);
            Total += data.Length;
            var toHead = (int)Math.Min(data.Length, Math.Max(0, HeadBytes - head.Length));
            head.Write(data[..toHead]);
            foreach (var b in data[toHead..])
            {
                tail[tailWritten % TailBytes] = b;
                tailWritten++;
            }
        }
    }
}
