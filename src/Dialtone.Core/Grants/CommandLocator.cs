namespace Dialtone.Core.Grants;

/// <summary>
/// Finds the program of a granted command before anything is minted, so a typo costs no credential:
/// a name with a slash is a path (relative to the working directory), anything else is looked up
/// on PATH like a shell would.
/// </summary>
public static class CommandLocator
{
    /// <summary>The program's full path, or null with the reason.</summary>
    public static string? Find(string program, string workingDirectory, string? path, out string? problem)
    {
        problem = null;
        if (program.Length == 0)
        {
            problem = "the command is empty";
            return null;
        }

        if (program.Contains('/', StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(program, workingDirectory);
            if (!File.Exists(full))
            {
                problem = $"'{Tickets.Names.Printable(program)}' does not exist";
                return null;
            }

            if (!IsExecutable(full))
            {
                problem = $"'{Tickets.Names.Printable(program)}' is not executable (chmod +x {ShellWords.Quote(program)})";
                return null;
            }

            return full;
        }

        foreach (var directory in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(Path.GetFullPath(directory, workingDirectory), program);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        problem = $"'{Tickets.Names.Printable(program)}' was not found on PATH";
        return null;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
