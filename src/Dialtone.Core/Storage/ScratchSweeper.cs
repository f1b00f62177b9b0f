using System.Globalization;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Storage;

/// <summary>
/// Removes what killed processes left in the scratch directory beside the store (index copies,
/// records being written): files are named `&lt;kind&gt;-&lt;pid&gt;-&lt;id&gt;…`, and a file whose process is
/// gone is litter. Runs when the store is opened; an empty directory costs one syscall.
/// </summary>
public static class ScratchSweeper
{
    public static int Sweep(string scratchDirectory)
    {
        if (!Directory.Exists(scratchDirectory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(scratchDirectory))
        {
            var parts = Path.GetFileName(file).Split('-');
            if (parts.Length >= 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && !ProcessTree.IsAlive(pid))
            {
                try
                {
                    File.Delete(file);
                    removed++;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Someone else's file, or already gone: leave it.
                }
            }
        }

        return removed;
    }
}
