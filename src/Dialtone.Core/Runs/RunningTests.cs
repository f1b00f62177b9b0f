using System.Globalization;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Runs;

/// <summary>
/// A file per running test, `&lt;dialtone pid&gt;-&lt;cookie&gt;` holding the test's pid, beside the store. A
/// dialtone killed with SIGKILL cannot stop its test; the next command finds the file of a dialtone
/// that is gone and stops the test (and what it started, by the cookie in their environment).
/// </summary>
public static class RunningTests
{
    public static string? Register(string? directory, int testPid, string cookie)
    {
        if (directory is null)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{cookie}"));
            File.WriteAllText(path, testPid.ToString(CultureInfo.InvariantCulture));
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without the file an orphan is not found later; the run itself is unaffected.
            return null;
        }
    }

    public static void Unregister(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Swept later.
        }
    }

    /// <summary>Stops tests whose dialtone is gone; returns one sentence per test stopped.</summary>
    public static List<string> StopOrphans(string directory)
    {
        var stopped = new List<string>();
        if (!Directory.Exists(directory))
        {
            return stopped;
        }

        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(file).Split('-', 2);
            if (name.Length != 2 || !int.TryParse(name[0], NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                || owner == Environment.ProcessId || ProcessTree.IsAlive(owner))
            {
                continue;
            }

            try
            {
                var testPid = int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : (int?)null;
                var root = testPid is { } candidate && ProcessTree.IsMarked(candidate, name[1], ShellRunner.CookieVariable) ? testPid : null;
                var count = ProcessTree.Stop(root, name[1], TimeSpan.FromSeconds(2), ShellRunner.CookieVariable);
                if (count > 0)
                {
                    stopped.Add($"Stopped a test left running by a dialtone that was killed (pid {owner}): {count} process{(count == 1 ? "" : "es")}.");
                }

                File.Delete(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or already gone.
            }
        }

        return stopped;
    }
}
