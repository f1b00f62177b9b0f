namespace Dialtone.Core.Grants;

/// <summary>
/// A directory only this user can enter, for files that hold secrets: created with mode 0700 by
/// mkdir itself (never loosened first and tightened after), and refused when it is not a real
/// directory, belongs to someone else, or lets the group or others in.
/// </summary>
public static class PrivateDirectory
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const uint GroupAndOthers = 0x3F;

    /// <summary>Creates <paramref name="path"/> (and missing parents) with mode 0700 and checks it; exit 3 with the fix when it is not private.</summary>
    public static void Ensure(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        try
        {
            Directory.CreateDirectory(path, OwnerOnly);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw DialtoneError.Environment($"Cannot create the grant session directory '{path}': {ex.Message}. Nothing was minted.", $"mkdir -p -m 700 {ShellWords.Quote(path)}");
        }

        if (Problem(path) is { } problem)
        {
            throw DialtoneError.Environment($"The grant session directory '{path}' is not private: {problem.Why}. Nothing was minted.", problem.Fix);
        }
    }

    /// <summary>Whether <paramref name="path"/> exists and is private (files are read from nowhere else).</summary>
    public static bool IsPrivate(string path) => Directory.Exists(path) && Problem(path) is null;

    /// <summary>What is wrong with it and the one command that fixes it; null when it is private.</summary>
    public static (string Why, string Fix)? Problem(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var quoted = ShellWords.Quote(path);
        if (UnixOwner.Stat(path) is { } stat)
        {
            if ((stat.Mode & UnixOwner.TypeMask) != UnixOwner.DirectoryType)
            {
                return ("it is not a directory (a symbolic link or a file is in its place)", $"mv {quoted} {quoted}.untrusted");
            }

            var me = UnixOwner.CurrentUser;
            if (stat.Uid != me)
            {
                return ($"it belongs to user id {stat.Uid}, not to you ({me})", $"mv {quoted} {quoted}.untrusted");
            }

            return (stat.Mode & GroupAndOthers) != 0
                ? ($"its mode is {Octal(stat.Mode)}: the group or others may enter it", $"chmod 700 {quoted}")
                : null;
        }

        // Where the owner cannot be read, the mode and the link check still hold.
        if (new DirectoryInfo(path).LinkTarget is not null)
        {
            return ("it is a symbolic link", $"mv {quoted} {quoted}.untrusted");
        }

        var mode = (uint)File.GetUnixFileMode(path);
        return (mode & GroupAndOthers) != 0 ? ($"its mode is {Octal(mode)}: the group or others may enter it", $"chmod 700 {quoted}") : null;
    }

    private static string Octal(uint mode) => "0" + Convert.ToString((int)(mode & 0xFFF), 8).PadLeft(3, '0');

}
