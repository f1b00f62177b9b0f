using System.Diagnostics;

namespace Dialtone.Tests;

/// <summary>
/// A real git repository in a temp directory, deleted on dispose. Tests build their story on it:
/// commit files, make branches, add worktrees, clone it.
/// </summary>
public sealed class TempRepo : IDisposable
{
    private readonly string root;

    public TempRepo(string? name = null, bool init = true, bool commit = true)
    {
        root = Path.Combine(Path.GetTempPath(), "dialtone-tests", Guid.NewGuid().ToString("N")[..12]);
        Path_ = Path.Combine(root, name ?? "repo");
        Directory.CreateDirectory(Path_);
        if (init)
        {
            Git("init", "-q", "-b", "main");
            Git("config", "user.name", "Test User");
            Git("config", "user.email", "test@example.com");
            Git("config", "commit.gpgsign", "false");
            if (commit)
            {
                Write("README.md", "# test repo\n");
                Git("add", "-A");
                Git("commit", "-q", "-m", "initial");
            }
        }
    }

    private TempRepo(string root, string path)
    {
        this.root = root;
        Path_ = path;
    }

    /// <summary>The work tree (named Path_ so it does not hide System.IO.Path in tests).</summary>
    public string Path_ { get; }

    /// <summary>A directory beside the repository, inside the same temp root, removed with it.</summary>
    public string Sibling(string name)
    {
        var path = System.IO.Path.Combine(root, name);
        return path;
    }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path_, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string Read(string relative) => File.ReadAllText(System.IO.Path.Combine(Path_, relative));

    public bool Exists(string relative) => File.Exists(System.IO.Path.Combine(Path_, relative));

    public void Commit(string message = "change")
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    public string Branch => Git("symbolic-ref", "--short", "HEAD");

    /// <summary>Runs git in the work tree and returns trimmed stdout; throws with stderr on failure.</summary>
    public string Git(params string[] args) => RunGit(Path_, args);

    /// <summary>A clone of this repository beside it, sharing the temp root's lifetime.</summary>
    public TempRepo Clone(string name, params string[] extraArgs)
    {
        var target = System.IO.Path.Combine(root, name);
        RunGit(root, ["clone", "-q", .. extraArgs, Path_, target]);
        RunGit(target, "config", "user.name", "Test User");
        RunGit(target, "config", "user.email", "test@example.com");
        return new TempRepo(root, target) { ownsRoot = false };
    }

    private bool ownsRoot = true;

    public static string RunGit(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("GIT_DIR");
        info.Environment.Remove("GIT_INDEX_FILE");
        info.Environment.Remove("GIT_WORK_TREE");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout.Result.Trim();
    }

    public void Dispose()
    {
        if (!ownsRoot)
        {
            return;
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the OS temp cleaner takes it.
        }
        catch (UnauthorizedAccessException)
        {
            // Read-only git objects on some systems; same.
        }
    }
}
