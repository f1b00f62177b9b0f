using System.Runtime.InteropServices;

namespace Dialtone.Core.Grants;

/// <summary>
/// Who owns a path and its mode, without following a symlink: what .NET does not expose. On Linux
/// through statx(2), whose structure has the same layout on every architecture; elsewhere unknown
/// (null), and callers fall back to the mode .NET reports.
/// </summary>
internal static partial class UnixOwner
{
    /// <summary>The file-type bits of a mode, and the value they have for a directory.</summary>
    public const uint TypeMask = 0xF000;
    public const uint DirectoryType = 0x4000;

    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxMode = 0x2;
    private const uint StatxUid = 0x8;
    private const int StatxSize = 256;
    private const int UidOffset = 20;
    private const int ModeOffset = 28;

    /// <summary>The effective user id of this process (0 on Windows, where nothing here applies).</summary>
    public static uint CurrentUser => OperatingSystem.IsWindows() ? 0 : GetEffectiveUserId();

    /// <summary>The owner and the whole mode (type bits included) of <paramref name="path"/> itself; null where unknown.</summary>
    public static unsafe (uint Uid, uint Mode)? Stat(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = stackalloc byte[StatxSize];
        if (StatX(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType | StatxMode | StatxUid, buffer) != 0)
        {
            return null;
        }

        return (*(uint*)(buffer + UidOffset), *(ushort*)(buffer + ModeOffset));
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatX(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
