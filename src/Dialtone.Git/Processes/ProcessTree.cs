using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dialtone.Git.Processes;

/// <summary>
/// Finds and stops everything a granted command started. Children are found by parent id; on
/// Linux also by a cookie variable in their environment (as Jenkins' ProcessTreeKiller does), which
/// catches processes that double-forked away from the tree but still carry the secret.
/// </summary>
public static class ProcessTree
{
    public const string CookieVariable = "DIALTONE_GRANT_COOKIE";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// SIGTERM to the root, its descendants and every process carrying the cookie; SIGKILL to what
    /// is left after <paramref name="grace"/>. Returns how many processes were signalled.
    /// </summary>
    public static int Stop(int? root, string? cookie, TimeSpan grace, string variable = CookieVariable)
    {
        var targets = Find(root, cookie, variable);
        if (root is { } pid && IsAlive(pid))
        {
            targets.Add(pid);
        }

        if (targets.Count == 0)
        {
            return 0;
        }

        foreach (var target in targets)
        {
            NativeSignals.Send(target, NativeSignals.SIGTERM);
        }

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < grace && targets.Any(IsAlive))
        {
            Thread.Sleep(Poll);
        }

        // Processes started during the grace period are found again; everything left is killed.
        var remaining = Find(root, cookie, variable);
        remaining.UnionWith(targets.Where(IsAlive));
        foreach (var target in remaining)
        {
            NativeSignals.Send(target, NativeSignals.SIGKILL);
        }

        targets.UnionWith(remaining);
        return targets.Count;
    }

    /// <summary>Descendants of <paramref name="root"/> and processes marked with <paramref name="cookie"/>; never this process.</summary>
    public static HashSet<int> Find(int? root, string? cookie, string variable = CookieVariable)
    {
        var parents = ParentsById();
        var found = new HashSet<int>();
        if (root is { } start)
        {
            var children = parents.ToLookup(p => p.Value, p => p.Key);
            var queue = new Queue<int>([start]);
            while (queue.TryDequeue(out var parent))
            {
                foreach (var child in children[parent])
                {
                    if (found.Add(child))
                    {
                        queue.Enqueue(child);
                    }
                }
            }
        }

        if (cookie is not null && OperatingSystem.IsLinux())
        {
            var marker = Encoding.UTF8.GetBytes($"{variable}={cookie}\0");
            foreach (var pid in parents.Keys)
            {
                if (CarriesMarker(pid, marker))
                {
                    found.Add(pid);
                }
            }
        }

        found.Remove(Environment.ProcessId);
        return found;
    }

    /// <summary>Whether the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            var stat = ReadStat(pid);
            return stat is not null && stat.Value.State is not ('Z' or 'X');
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Whether a live process carries the cookie (Linux), so a recorded pid is still the granted command and not a reused id.</summary>
    public static bool IsMarked(int pid, string cookie, string variable = CookieVariable) =>
        OperatingSystem.IsLinux() && CarriesMarker(pid, Encoding.UTF8.GetBytes($"{variable}={cookie}\0"));

    private static bool CarriesMarker(int pid, byte[] marker)
    {
        try
        {
            // Variables are NUL-separated: the marker is the first one or follows a NUL.
            var environ = File.ReadAllBytes($"/proc/{pid}/environ").AsSpan();
            for (var at = environ.IndexOf(marker); at >= 0; at = NextMatch(environ, marker, at))
            {
                if (at == 0 || environ[at - 1] == 0)
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int NextMatch(ReadOnlySpan<byte> environ, byte[] marker, int previous)
    {
        var next = environ[(previous + 1)..].IndexOf(marker);
        return next < 0 ? -1 : previous + 1 + next;
    }

    private static Dictionary<int, int> ParentsById()
    {
        var parents = new Dictionary<int, int>();
        if (OperatingSystem.IsLinux())
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    && ReadStat(pid) is { } stat)
                {
                    parents[pid] = stat.Parent;
                }
            }

            return parents;
        }

        // macOS and the BSDs: ps lists every process with its parent.
        var info = new ProcessStartInfo("ps") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-A", "-o", "pid=", "-o", "ppid=" })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var ps = Process.Start(info)!;
            foreach (var line in ps.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length == 2 && int.TryParse(fields[0], CultureInfo.InvariantCulture, out var pid)
                    && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent))
                {
                    parents[pid] = parent;
                }
            }

            ps.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No ps: only the direct child can be stopped.
        }

        return parents;
    }

    /// <summary>State and parent from /proc/&lt;pid&gt;/stat; the command name may contain spaces and parentheses, so fields count from the last ')'.</summary>
    private static (char State, int Parent)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var close = text.LastIndexOf(')');
        if (close < 0 || close + 2 >= text.Length)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parent)
            ? (fields[0].Length > 0 ? fields[0][0] : '?', parent)
            : null;
    }
}
