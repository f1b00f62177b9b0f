using System.Globalization;

namespace Dialtone.Core.Diagnostics;

/// <summary>
/// With DIALTONE_LOCK_TRACE=&lt;file&gt;, every store session appends one line: the command, how long it
/// waited for the lock and how long it held it (ms). bench/concurrency.sh reads it to report hold
/// times per command; nothing else does.
/// </summary>
public static class LockTrace
{
    private static readonly string? File = Environment.GetEnvironmentVariable("DIALTONE_LOCK_TRACE");

    public static void Record(string activity, TimeSpan waited, TimeSpan held)
    {
        if (File is null)
        {
            return;
        }

        try
        {
            System.IO.File.AppendAllText(File, string.Create(CultureInfo.InvariantCulture, $"{activity}\t{waited.TotalMilliseconds:0.0}\t{held.TotalMilliseconds:0.0}\n"));
        }
        catch (IOException)
        {
            // A benchmark's trace must never fail a command.
        }
    }
}
