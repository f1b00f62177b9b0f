namespace Dialtone.Records.Gate;

/// <summary>
/// Finds the work tree, git dir and HEAD of a project by reading files, without starting git, so
/// the once-per-build cache can be consulted for every project at almost no cost.
/// </summary>
public sealed record RepositoryProbe(string TopLevel, string GitDir, string Head)
{
    public static RepositoryProbe? Find(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var dotGit = Path.Combine(current.FullName, ".git");
            string? gitDir = null;
            if (Directory.Exists(dotGit))
            {
                gitDir = dotGit;
            }
            else if (File.Exists(dotGit))
            {
                // A linked worktree or submodule: ".git" is a file saying "gitdir: <path>".
                var line = File.ReadAllText(dotGit).Trim();
                if (line.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    gitDir = Path.GetFullPath(line["gitdir:".Length..].Trim(), current.FullName);
                }
            }

            if (gitDir is not null)
            {
                var headFile = Path.Combine(gitDir, "HEAD");
                var head = File.Exists(headFile) ? File.ReadAllText(headFile).Trim() : "";
                return new RepositoryProbe(current.FullName, gitDir, head);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether Dialtone marked <paramref name="branch"/> as a ticket branch in this clone
    /// (`&lt;common git dir&gt;/dialtone/branches/&lt;branch&gt;`, written by `ticket start`). One stat, no git.
    /// </summary>
    public bool HasBranchMarker(string branch)
    {
        var commonDir = GitDir;
        var pointer = Path.Combine(GitDir, "commondir");
        if (File.Exists(pointer))
        {
            commonDir = Path.GetFullPath(File.ReadAllText(pointer).Trim(), GitDir);
        }

        return File.Exists(Path.Combine(commonDir, "dialtone", "branches", branch));
    }

    /// <summary>The checked-out branch from HEAD ("ref: refs/heads/x"), or null when detached.</summary>
    public string? Branch => Head.StartsWith("ref: refs/heads/", StringComparison.Ordinal) ? Head["ref: refs/heads/".Length..] : null;
}
