using System.Globalization;

namespace Dialtone.Core.Gates;

/// <summary>
/// What pre-commit leaves for post-commit when the gate passed: the id of the `git commit` process
/// and, for signed work, the signed snapshot tree (.dialtone/ excluded) — known to the gate without
/// asking git. post-commit compares the new commit with it (`git diff-tree`, .dialtone/ excluded): a
/// commit on a ticket branch without a note from its `git commit` (`--no-verify`), or whose tree is
/// not the one the gate passed, was not made through the gate. Bookkeeping and merges leave the tree
/// empty: post-commit recognises them by themselves. A file beside the trailer handoff, in this
/// worktree's git dir; plain lines, because the post-commit shim reads it in sh and consumes it.
/// </summary>
public static class GateNote
{
    public const string FileName = "dialtone-commit-gate";

    /// <summary>Set to `recorded` by the post-commit shim when it has put the commit in the evidence inbox (<see cref="NoteFinding"/>).</summary>
    public const string FindingVariable = "DIALTONE_GATE_NOTE";

    public static string PathIn(string gitDir) => Path.Combine(gitDir, FileName);

    public static void Write(string gitDir, string gitPid, string? tree) =>
        File.WriteAllText(PathIn(gitDir), string.Create(CultureInfo.InvariantCulture, $"{gitPid}\n{tree}\n"));

    /// <summary>Removes a note, so one left by an aborted commit can never vouch for another.</summary>
    public static void Clear(string gitDir)
    {
        var path = PathIn(gitDir);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>The note as (git pid, tree or ""), consumed; null when there is none.</summary>
    public static (string GitPid, string Tree)? Take(string gitDir)
    {
        var path = PathIn(gitDir);
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllText(path).Split('\n');
        File.Delete(path);
        return lines.Length >= 2 && lines[0].Length > 0 ? (lines[0], lines[1]) : null;
    }
}
