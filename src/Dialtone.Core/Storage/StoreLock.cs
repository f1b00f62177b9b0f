using System.Diagnostics;

namespace Dialtone.Core.Storage;

/// <summary>
/// The cross-process lock taken before the store is opened. DuckDB admits one read-write process
/// and fails a second opener at once, so processes queue here instead. On Unix, .NET implements
/// FileShare.None with flock(LOCK_EX), which the kernel releases when a process dies, so a killed
/// process never leaves the store locked.
/// </summary>
public sealed class StoreLock : IDisposable
{
    private readonly FileStream stream;

    private StoreLock(FileStream stream) => this.stream = stream;

    public static StoreLock Acquire(string path, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var delay = 5;
        while (true)
        {
            try
            {
                return new StoreLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                // Jittered, growing back-off so waiting processes do not wake in lockstep.
                Thread.Sleep(delay + Random.Shared.Next(delay));
                delay = Math.Min(delay * 2, 100);
            }
            catch (IOException ex)
            {
                throw DialtoneError.Environment(
                    $"The Dialtone store is busy: another dialtone process held '{path}' for {timeout.TotalSeconds:0.#} s.",
                    "Wait for the other dialtone command to finish and retry; raise the wait with DIALTONE_LOCK_TIMEOUT=<seconds>.",
                    ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw DialtoneError.Environment($"Cannot open the store lock '{path}': {ex.Message}", "Check the permissions of the .git/dialtone directory.", ex);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
