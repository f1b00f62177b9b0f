namespace Dialtone.Core.Diagnostics;

/// <summary>
/// Named places where a write can be interrupted. With DIALTONE_CRASH_AT=&lt;name&gt; the process kills
/// itself there (as `kill -9` would: no finally blocks, no flush), so tests can interrupt a command
/// at exactly that instant and check that the next command finds the store and the record agreeing.
/// Unset, each point costs one cached comparison. Setting it only ever harms the command that set it.
/// </summary>
public static class CrashPoint
{
    public const string BeforeStoreCommit = "before-store-commit";
    public const string AfterStoreCommit = "after-store-commit";
    public const string AfterRecordWrite = "after-record-write";

    private static readonly string? Armed = Environment.GetEnvironmentVariable("DIALTONE_CRASH_AT");

    public static void Reach(string name)
    {
        if (Armed is not null && string.Equals(Armed, name, StringComparison.Ordinal))
        {
            Environment.FailFast($"DIALTONE_CRASH_AT={name}");
        }
    }
}
