using Dialtone.Git;

namespace Dialtone.Core.Hooks;

/// <summary>
/// Installs, removes and reports Dialtone's hook shims in the directory git runs hooks from: the
/// common git dir's hooks/ (shared by linked worktrees) or core.hooksPath when set. An existing
/// hook is never overwritten: it is renamed to &lt;name&gt;.dialtone-chained, which the shim runs
/// first; uninstall renames it back, so the directory ends up exactly as it was.
/// </summary>
public sealed class HookInstaller
{
    public const string ChainedSuffix = ".dialtone-chained";

    /// <summary>git config key holding the CLI the shims run (the dialtone.sh hooks were installed from).</summary>
    public const string BinKey = "dialtone.bin";

    private readonly GitRepository repository;

    public HookInstaller(GitRepository repository)
    {
        this.repository = repository;
        HooksPathSetting = repository.ConfigValue("core.hooksPath");

        // git resolves core.hooksPath (relative to the worktree root, ~ expanded) and worktrees for us.
        HooksDirectory = repository.GitPath("hooks");
    }

    public string HooksDirectory { get; }

    /// <summary>The core.hooksPath value when one is set, else null (hooks live in the common git dir).</summary>
    public string? HooksPathSetting { get; }

    /// <summary>The CLI recorded for the shims (git config dialtone.bin), or null.</summary>
    public string? Bin => repository.ConfigValue(BinKey);

    public IReadOnlyList<HookReport> Status() => HookShim.Names.Select(name => Describe(name, null)).ToList();

    /// <summary>Writes every shim, chaining hooks that were there; idempotent. Records <paramref name="bin"/> when given.</summary>
    public IReadOnlyList<HookReport> Install(string? bin)
    {
        Directory.CreateDirectory(HooksDirectory);
        var reports = new List<HookReport>(HookShim.Names.Count);
        foreach (var name in HookShim.Names)
        {
            reports.Add(Describe(name, InstallOne(name)));
        }

        if (bin is not null)
        {
            repository.SetLocalConfig(BinKey, bin);
        }

        return reports;
    }

    /// <summary>Removes the shims and puts chained hooks back under their names; forgets dialtone.bin.</summary>
    public IReadOnlyList<HookReport> Uninstall()
    {
        var reports = new List<HookReport>(HookShim.Names.Count);
        foreach (var name in HookShim.Names)
        {
            reports.Add(Describe(name, UninstallOne(name)));
        }

        repository.UnsetLocalConfig(BinKey);

        return reports;
    }

    private HookAction InstallOne(string name)
    {
        var path = Path.Combine(HooksDirectory, name);
        var chained = path + ChainedSuffix;
        var text = HookShim.Text(name);
        switch (StateOf(path))
        {
            case HookState.Installed:
                return HookAction.Unchanged;
            case HookState.Outdated:
                WriteShim(path, text);
                return HookAction.Updated;
            case HookState.Foreign:
                if (Occupied(chained))
                {
                    return HookAction.Conflict;
                }

                File.Move(path, chained);
                WriteShim(path, text);
                return HookAction.Installed;
            default:
                WriteShim(path, text);
                return HookAction.Installed;
        }
    }

    private HookAction UninstallOne(string name)
    {
        var path = Path.Combine(HooksDirectory, name);
        var chained = path + ChainedSuffix;
        var state = StateOf(path);
        if (state == HookState.Foreign)
        {
            return Occupied(chained) ? HookAction.Conflict : HookAction.NotInstalled;
        }

        if (state != HookState.Missing)
        {
            File.Delete(path);
        }

        if (Occupied(chained))
        {
            File.Move(chained, path);
            return HookAction.Restored;
        }

        return state == HookState.Missing ? HookAction.NotInstalled : HookAction.Removed;
    }

    private HookReport Describe(string name, HookAction? action)
    {
        var path = Path.Combine(HooksDirectory, name);
        return new HookReport(name, path, StateOf(path), Occupied(path + ChainedSuffix), action);
    }

    public static HookState StateOf(string path)
    {
        if (!Occupied(path))
        {
            return HookState.Missing;
        }

        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A dangling symlink or an unreadable file: not ours, so never touched.
            return HookState.Foreign;
        }

        if (!HookShim.IsShim(content))
        {
            return HookState.Foreign;
        }

        return content == HookShim.Text(Path.GetFileName(path)) ? HookState.Installed : HookState.Outdated;
    }

    /// <summary>A file or a symlink (even a dangling one) is there.</summary>
    private static bool Occupied(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static void WriteShim(string path, string text)
    {
        // Write beside, then rename: a commit running meanwhile sees the old hook or the new one.
        var temp = path + $".dialtone-{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        File.Move(temp, path, overwrite: true);
    }
}
