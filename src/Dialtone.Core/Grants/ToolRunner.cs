using System.ComponentModel;
using System.Diagnostics;

namespace Dialtone.Core.Grants;

/// <summary>
/// Runs a mint or revoke command from the repository root with no input, stdout and stderr kept
/// apart (the mint prints the secret on stdout) and bounded, and a timeout that kills everything it
/// started. Takes no store lock: callers run it with the store closed.
/// </summary>
public static class ToolRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private const int StdoutLimit = 64 * 1024;
    private const int StderrLimit = 16 * 1024;

    public static ToolResult Run(ToolCommand command, string workTree, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var info = command.StartInfo(workTree);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new ToolResult(127, false, [], "", $"{info.FileName}: {ex.Message}");
        }

        process.StandardInput.Close();
        var stdout = Task.Run(() => ReadBounded(process.StandardOutput.BaseStream, StdoutLimit));
        var stderr = Task.Run(() => ReadBounded(process.StandardError.BaseStream, StderrLimit));
        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited just now.
            }

            process.WaitForExit();
        }

        // A background child holding the pipes open must not hang the grant: take what was read.
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(5));
        var output = stdout.IsCompletedSuccessfully ? stdout.Result : [];
        var errors = stderr.IsCompletedSuccessfully ? System.Text.Encoding.UTF8.GetString(stderr.Result) : "";
        return new ToolResult(timedOut ? -1 : process.ExitCode, timedOut, output, errors, null);
    }

    private static byte[] ReadBounded(Stream stream, int limit)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            // Keep reading past the limit so the command never blocks on a full pipe.
            var room = (int)Math.Min(read, limit - kept.Length);
            if (room > 0)
            {
                kept.Write(buffer, 0, room);
            }
        }

        return kept.ToArray();
    }
}
