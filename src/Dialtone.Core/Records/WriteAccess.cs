using System.Runtime.InteropServices;

namespace Dialtone.Core.Records;

/// <summary>
/// Whether this process may replace a file, asked of the kernel (access(2)) without creating one:
/// the record must be known to be writable before the store commits, and nothing temporary may be
/// created in the work tree to find out.
/// </summary>
public static partial class WriteAccess
{
    private const int Writable = 2;

    /// <summary>True when <paramref name="directory"/> lets this process create and rename files in it.</summary>
    public static bool CanReplaceIn(string directory, string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        return Access(directory, Writable | 1) == 0 && (!File.Exists(file) || Access(file, Writable) == 0);
    }

    [LibraryImport("libc", EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);
}
