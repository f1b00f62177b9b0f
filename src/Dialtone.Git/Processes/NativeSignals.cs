using System.Runtime.InteropServices;

namespace Dialtone.Git.Processes;

/// <summary>
/// kill(2), for what Process cannot do: send SIGTERM (Process.Kill only sends SIGKILL) and forward
/// SIGINT/SIGTERM/SIGHUP. The numbers are the same on Linux and macOS.
/// </summary>
public static partial class NativeSignals
{
    public const int SIGHUP = 1;
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    /// <summary>Sends <paramref name="signal"/>; false when the process is gone or not ours.</summary>
    public static bool Send(int pid, int signal) => pid > 0 && !OperatingSystem.IsWindows() && Kill(pid, signal) == 0;

    public static string Name(int signal) => signal switch
    {
        SIGHUP => "SIGHUP",
        SIGINT => "SIGINT",
        SIGKILL => "SIGKILL",
        SIGTERM => "SIGTERM",
        _ => $"signal {signal}",
    };

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
