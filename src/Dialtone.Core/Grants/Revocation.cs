using System.Text;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Grants;

/// <summary>
/// Runs a lease's revoke command (the one its scope had when the grant was made), from the work
/// tree the grant was made in. Callers claim the lease in the store first, so it runs once.
/// </summary>
public static class Revocation
{
    public const string LogFileName = "grant-revoke.log";

    /// <summary>Runs it and waits; the status goes to the store ("ok", "failed (exit 1)", "none", …).</summary>
    public static (string Status, ToolResult? Result) Run(Lease lease, string reason, string fallbackWorkTree)
    {
        var command = ToolCommand.ParseStored(lease.RevokeCommand);
        if (command is null)
        {
            return ("none", null);
        }

        var result = ToolRunner.Run(command, WorkTree(lease, fallbackWorkTree), GrantEnvironment.ForRevoke(lease, reason), ToolRunner.DefaultTimeout);
        return (result.Succeeded ? "ok" : $"failed ({result.Outcome(ToolRunner.DefaultTimeout)})", result);
    }

    /// <summary>
    /// Starts it in the background with its output appended to <paramref name="logPath"/>, and does
    /// not wait: the lazy revocation must never slow down or fail the command that happened to open
    /// the store.
    /// </summary>
    public static string StartDetached(Lease lease, string reason, string logPath, string fallbackWorkTree)
    {
        var command = ToolCommand.ParseStored(lease.RevokeCommand);
        if (command is null)
        {
            return "none";
        }

        var script = new StringBuilder()
            .Append("exec >>\"$DIALTONE_REVOKE_LOG\" 2>&1 </dev/null\n")
            .Append("echo \"--- $(date -u +%Y-%m-%dT%H:%M:%SZ) grant #$DIALTONE_GRANT_ID ($DIALTONE_GRANT_SCOPE): $DIALTONE_GRANT_REASON\"\n")
            .Append(command.Shell ?? "exec \"$@\"")
            .ToString();
        var variables = GrantEnvironment.ForRevoke(lease, reason).ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
        variables["DIALTONE_REVOKE_LOG"] = logPath;
        var spec = ProcessSpec.Shell(script, WorkTree(lease, fallbackWorkTree), ["dialtone-revoke", .. command.Arguments ?? []]) with { Environment = variables };
        var (_, error) = ProcessRunner.StartDetached(spec);
        return error is null ? "started" : $"could not start: {error}";
    }

    private static string WorkTree(Lease lease, string fallback) => Directory.Exists(lease.WorkTree) ? lease.WorkTree : fallback;
}
