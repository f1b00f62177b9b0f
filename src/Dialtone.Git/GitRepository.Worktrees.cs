namespace Dialtone.Git;

/// <summary>Temporary linked worktrees: a checkout of another commit beside the work tree, removed afterwards.</summary>
public sealed partial class GitRepository
{
    /// <summary>
    /// Checks <paramref name="commit"/> out, detached, into the new directory <paramref name="path"/>.
    /// No hook runs: a checkout made to look at old code is nobody's branch switch.
    /// </summary>
    public void AddDetachedWorktree(string path, string commit) =>
        Git.Checked(["-c", "core.hooksPath=/dev/null", "worktree", "add", "--quiet", "--detach", path, commit]);

    /// <summary>Removes a worktree added by <see cref="AddDetachedWorktree"/>, whatever its state; its directory too.</summary>
    public void RemoveWorktree(string path)
    {
        if (Git.Run("worktree", "remove", "--force", "--force", path).Success)
        {
            return;
        }

        // Half-created or already gone: delete what is left, then let git forget it.
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the OS temp cleaner; prune below still unregisters it once it is gone.
        }

        Git.Run("worktree", "prune");
    }
}
