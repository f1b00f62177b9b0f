namespace Dialtone.Git;

/// <summary>Configuration and git's own paths.</summary>
public sealed partial class GitRepository
{
    /// <summary>A config value (any level), or null when unset.</summary>
    public string? ConfigValue(string key)
    {
        string[] args = ["config", "--get", key];
        var result = Git.Run(args);
        return result.ExitCode switch
        {
            0 => result.Output,
            1 => null, // Not set (or not a valid key name).
            _ => throw new GitCommandException(args, result),
        };
    }

    /// <summary>Sets a value in this repository's own config (.git/config).</summary>
    public void SetLocalConfig(string key, string value) => Git.RunChecked("config", "--local", key, value);

    /// <summary>Removes a value from this repository's own config; false when it was not set.</summary>
    public bool UnsetLocalConfig(string key)
    {
        string[] args = ["config", "--local", "--unset", key];
        var result = Git.Run(args);
        return result.ExitCode switch
        {
            0 => true,
            5 => false, // The key was not set: nothing to remove.
            _ => throw new GitCommandException(args, result),
        };
    }

    /// <summary>
    /// Where git keeps <paramref name="name"/> (hooks, info/exclude, …) for this worktree, as an
    /// absolute path: git resolves core.hooksPath (relative to the worktree root, ~ expanded), the
    /// common dir of linked worktrees and GIT_DIR for us.
    /// </summary>
    public string GitPath(string name)
    {
        var resolved = Git.RunChecked("rev-parse", "--path-format=absolute", "--git-path", name).Trim();
        return Path.GetFullPath(resolved, TopLevel);
    }
}
