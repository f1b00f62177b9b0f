using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Dialtone.Core.Storage;

/// <summary>
/// The cross-process lock taken before the store is opened: DuckDB admits one read-write process
/// and fails a second opener at once, so processes queue here instead. Waiting is a blocking
/// flock(2), not sleep-and-retry: the kernel wakes a waiter the moment the holder lets go, so
/// nobody sleeps through a free lock while others get in (the kernel promises no order, so the
/// measure is the longest wait; see bench/concurrency.sh). The holder writes its pid, what it is
/// doing and since when into the lock file, so a waiter that gives up can name it. The kernel
/// releases the lock when a process dies, so a killed process never leaves the store locked.
/// </summary>
public sealed partial class StoreLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int OpenReadWrite = 2;

    private readonly SafeFileHandle handle;

    private StoreLock(SafeFileHandle handle, TimeSpan waited)
    {
        this.handle = handle;
        Waited = waited;
    }

    /// <summary>How long this process waited for the lock (for the benchmarks and `DIALTONE_DEBUG`).</summary>
    public TimeSpan Waited { get; }

    /// <param name="activity">What this process does while it holds the lock, for a waiter's message.</param>
    public static StoreLock Acquire(string path, TimeSpan timeout, string activity = "dialtone")
    {
        if (OperatingSystem.IsWindows())
        {
            return AcquireByPolling(path, timeout, activity);
        }

        var handle = OpenLockFile(path);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (Flock(handle, LockExclusive | LockNonBlocking) != 0)
        {
            var waiter = new Waiter(handle);
            if (!waiter.Wait(timeout))
            {
                // The waiting thread now owns the handle: it closes it if the lock ever comes.
                throw Busy(path, timeout, null);
            }
        }

        var held = new StoreLock(handle, clock.Elapsed);
        held.WriteHolder(activity);
        return held;
    }

    /// <summary>Who holds the lock at <paramref name="path"/>, from what the holder wrote; null when unknown.</summary>
    public static string? DescribeHolder(string path)
    {
        try
        {
            var lines = ReadUnlocked(path).Split('\n');
            if (lines.Length < 3 || !int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return null;
            }

            var since = DateTimeOffset.TryParse(lines[2], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? $" since {at.UtcDateTime:HH:mm:ss.f} UTC" : "";
            return $"pid {pid} (`{lines[1]}`){since}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => handle.Dispose();

    /// <summary>Reads the lock file without taking a lock of our own (File.ReadAllText would queue behind the holder).</summary>
    private static string ReadUnlocked(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return "";
        }

        var fd = Open(path, 0, 0);
        if (fd < 0)
        {
            return "";
        }

        using var file = new SafeFileHandle(fd, ownsHandle: true);
        var buffer = new byte[4096];
        var read = RandomAccess.Read(file, buffer, 0);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static DialtoneError Busy(string path, TimeSpan timeout, Exception? inner) => DialtoneError.Environment(
        DescribeHolder(path) is { } holder
            ? $"The Dialtone store is busy: waited {timeout.TotalSeconds:0.#} s for '{path}', held by {holder}."
            : $"The Dialtone store is busy: waited {timeout.TotalSeconds:0.#} s for '{path}'.",
        "DIALTONE_LOCK_TIMEOUT=120 ./dialtone.sh ticket status",
        inner);

    private static SafeFileHandle OpenLockFile(string path)
    {
        // Opened through open(2), not FileStream: FileStream takes its own flock, which would
        // queue against ours.
        var fd = Open(path, OpenReadWrite | OpenFlags.Create | OpenFlags.CloseOnExec, Convert.ToInt32("600", 8));
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw DialtoneError.Environment(
                $"Cannot open the store lock '{path}': {Marshal.GetPInvokeErrorMessage(errno)}.",
                $"ls -ld {Path.GetDirectoryName(path)}");
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    private void WriteHolder(string activity)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}\n{activity.ReplaceLineEndings(" ")}\n{DateTimeOffset.UtcNow:O}\n");
        try
        {
            RandomAccess.SetLength(handle, 0);
            RandomAccess.Write(handle, Encoding.UTF8.GetBytes(text), 0);
        }
        catch (IOException)
        {
            // Only a waiter's message needs it.
        }
    }

    private static StoreLock AcquireByPolling(string path, TimeSpan timeout, string activity)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = File.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var held = new StoreLock(stream.SafeFileHandle, clock.Elapsed);
                held.WriteHolder(activity);
                return held;
            }
            catch (IOException ex) when (clock.Elapsed >= timeout)
            {
                throw Busy(path, timeout, ex);
            }
            catch (IOException)
            {
                Thread.Sleep(20);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle fd, int operation);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    /// <summary>open(2) flags, which differ between Linux and macOS.</summary>
    private static class OpenFlags
    {
        public static int Create => OperatingSystem.IsMacOS() ? 0x200 : 0x40;

        public static int CloseOnExec => OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000;
    }

    /// <summary>
    /// A blocking flock on a thread of its own, so the wait can be bounded: flock(2) has no timeout.
    /// If the caller gives up first, the thread closes the handle as soon as the lock comes, which
    /// hands it straight to the next waiter.
    /// </summary>
    private sealed class Waiter(SafeFileHandle handle)
    {
        private readonly object gate = new();
        private bool finished;
        private bool abandoned;
        private int error;

        public bool Wait(TimeSpan timeout)
        {
            var thread = new Thread(Block) { IsBackground = true, Name = "dialtone store lock" };
            thread.Start();
            lock (gate)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (!finished)
                {
                    var left = timeout - clock.Elapsed;
                    if (left <= TimeSpan.Zero || !Monitor.Wait(gate, left))
                    {
                        if (finished)
                        {
                            break;
                        }

                        abandoned = true;
                        return false;
                    }
                }
            }

            return error == 0
                ? true
                : throw new IOException($"flock failed: {Marshal.GetPInvokeErrorMessage(error)}");
        }

        private void Block()
        {
            int result;
            do
            {
                result = Flock(handle, LockExclusive);
            }
            while (result != 0 && Marshal.GetLastPInvokeError() == 4); // EINTR

            var failure = result == 0 ? 0 : Marshal.GetLastPInvokeError();
            lock (gate)
            {
                if (abandoned)
                {
                    handle.Dispose();
                    return;
                }

                error = failure;
                finished = true;
                Monitor.PulseAll(gate);
            }
        }
    }
}
