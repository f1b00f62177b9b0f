using System.Text;

namespace Dialtone.Git.Processes;

/// <summary>How a process ended. Output is empty where the spec gave a sink.</summary>
public sealed record ProcessResult(int Pid, int ExitCode, bool TimedOut, TimeSpan Elapsed, byte[] Stdout, byte[] Stderr)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    public string StderrText => Encoding.UTF8.GetString(Stderr);
}
