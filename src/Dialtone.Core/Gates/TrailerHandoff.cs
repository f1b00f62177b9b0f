using System.Globalization;

namespace Dialtone.Core.Gates;

/// <summary>
/// What pre-commit passes to prepare-commit-msg: the ticket and signed subtask of a commit that
/// passed the gate. A file in this worktree's git dir, keyed by the id of the `git commit` process
/// (the shims pass it as DIALTONE_GIT_PID), so a file left by an aborted commit never labels
/// another one. Plain lines, because the prepare-commit-msg shim reads it in sh without .NET.
/// </summary>
public static class TrailerHandoff
{
    public const string FileName = "dialtone-commit-trailers";

    public const string GitPidVariable = "DIALTONE_GIT_PID";

    public const string TicketTrailer = "Dialtone-Ticket";

    public const string SubtaskTrailer = "Dialtone-Subtask";

    public static string PathIn(string gitDir) => Path.Combine(gitDir, FileName);

    public static void Write(string gitDir, string gitPid, string ticket, string? subtask) =>
        File.WriteAllText(PathIn(gitDir), string.Create(CultureInfo.InvariantCulture, $"{gitPid}\n{ticket}\n{subtask}\n"));

    public static void Clear(string gitDir)
    {
        var path = PathIn(gitDir);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>The ticket and subtask handed over by the pre-commit of git process <paramref name="gitPid"/>; the file is consumed.</summary>
    public static (string Ticket, string? Subtask)? Take(string gitDir, string? gitPid)
    {
        var path = PathIn(gitDir);
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllText(path).Split('\n');
        File.Delete(path);
        if (gitPid is null || lines.Length < 3 || lines[0] != gitPid || lines[1].Length == 0)
        {
            return null;
        }

        return (lines[1], lines[2].Length == 0 ? null : lines[2]);
    }
}
