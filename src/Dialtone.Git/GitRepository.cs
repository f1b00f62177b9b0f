namespace Dialtone.Git;

/// <summary>
/// Facts about one repository, read through the git CLI. Locations are read once at discovery;
/// HEAD-related facts are read on each call because commands change them. Every question is a typed
/// method that decides what each of git's exit codes means; the other files of this class hold the
/// questions by topic (history, objects, index, config).
/// </summary>
public sealed partial class GitRepository
{
    private GitRepository(GitRunner git, string topLevel, string gitDir, string commonDir)
    {
        Git = git;
        TopLevel = topLevel;
        GitDir = gitDir;
        CommonDir = commonDir;
    }

    /// <summary>The runner every query goes through; internal so no caller outside this project builds an argument list.</summary>
    internal GitRunner Git { get; }

    /// <summary>Root of the work tree (of this worktree, for linked worktrees).</summary>
    public string TopLevel { get; }

    /// <summary>This worktree's git dir (.git, or .git/worktrees/&lt;name&gt; for linked worktrees).</summary>
    public string GitDir { get; }

    /// <summary>The git dir shared by all worktrees; where the store lives.</summary>
    public string CommonDir { get; }

    public bool IsLinkedWorktree => !PathsEqual(GitDir, CommonDir);

    /// <summary>
    /// Where Dialtone keeps temporary files (copies of the index, records being written): beside its
    /// store, shared by all worktrees and never in the work tree, where `git add -A` could commit them.
    /// Created on first use.
    /// </summary>
    public string ScratchDirectory
    {
        get
        {
            var directory = Path.Combine(CommonDir, "dialtone", "tmp");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    /// <summary>
    /// Finds the repository containing <paramref name="path"/>, like git itself does. In a hook,
    /// <paramref name="ambient"/> carries the repository variables the invoking git set, so every query
    /// reads the repository and index that git is working on.
    /// </summary>
    public static GitRepository Discover(string path, GitEnvironment? ambient = null, TimeSpan? timeout = null)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            throw new NotARepositoryException(full, NoWorkTreeReason.NoDirectory);
        }

        var probe = new GitRunner(full, ambient, timeout);
        var result = probe.Run("rev-parse", "--path-format=absolute", "--show-toplevel", "--git-dir", "--git-common-dir");
        if (!result.Success)
        {
            if (result.StdErr.Contains("dubious ownership", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotARepositoryException(full, NoWorkTreeReason.NotOwned);
            }

            if (result.StdErr.Contains("must be run in a work tree", StringComparison.OrdinalIgnoreCase)
                || probe.Run("rev-parse", "--is-bare-repository").Output == "true")
            {
                throw new NotARepositoryException(full, NoWorkTreeReason.Bare);
            }

            if (result.StdErr.Contains("not a git repository", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotARepositoryException(full);
            }

            throw new GitCommandException(["rev-parse", "--show-toplevel"], result);
        }

        var lines = result.Output.Split('\n');
        if (lines.Length < 3)
        {
            // A bare repository has no top level; Dialtone needs a work tree.
            throw new NotARepositoryException(full, NoWorkTreeReason.Bare);
        }

        var topLevel = Normalize(lines[0]);
        return new GitRepository(new GitRunner(topLevel, ambient, timeout), topLevel, Normalize(lines[1]), Normalize(lines[2]));
    }

    /// <summary>The checked-out branch (short name), or null when HEAD is detached.</summary>
    public string? CurrentBranch
    {
        get
        {
            var result = Git.Run("symbolic-ref", "-q", "--short", "HEAD");
            return result.Success ? result.Output : null;
        }
    }

    public bool IsDetached => CurrentBranch is null;

    /// <summary>The commit HEAD points at, or null on an unborn branch (no commits yet).</summary>
    public string? Head => ResolveCommit("HEAD");

    public string? ResolveCommit(string revision)
    {
        var result = Git.Run("rev-parse", "-q", "--verify", "--end-of-options", revision + "^{commit}");
        return result.Success ? result.Output : null;
    }

    public bool BranchExists(string name) =>
        Git.Run("show-ref", "--verify", "--quiet", "refs/heads/" + name).Success;

    public void CreateBranch(string name, string startPoint) =>
        Git.RunChecked("branch", "--no-track", name, startPoint);

    /// <summary>Checks out an existing branch. Fails (with git's reason) when local changes would be overwritten.</summary>
    public void Switch(string name) => Git.RunChecked("switch", "--quiet", name);

    /// <summary>Creates <paramref name="name"/> at <paramref name="startPoint"/> (or at HEAD when null, which also works on an unborn branch) and checks it out.</summary>
    public void CreateAndSwitch(string name, string? startPoint)
    {
        if (startPoint is null)
        {
            Git.RunChecked("switch", "--quiet", "-c", name);
        }
        else
        {
            Git.RunChecked("switch", "--quiet", "--no-track", "-c", name, startPoint);
        }
    }

    private static string Normalize(string path) => Path.GetFullPath(path.Trim());

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
