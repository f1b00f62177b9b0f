namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// Refuses a second DuckDB instance on a file this process already has open (unless both are
/// read-only). DuckDB's own guard is a POSIX record lock, and those are per process: a second
/// duckdb_open of the same file from the same process succeeds, and two instances then cache and
/// write one file independently. Across processes DuckDB's lock does the job.
/// </summary>
/// <remarks>
/// The lease lives as long as the native instance does: DuckDB keeps the instance (and its file
/// lock) alive until the database and every connection made from it are closed, so connections
/// hold a reference too.
/// </remarks>
internal sealed class DatabaseFileLease
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Holders> OpenFiles = new(
        OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);

    private readonly string path;
    private readonly bool readOnly;
    private int references = 1;

    private DatabaseFileLease(string path, bool readOnly)
    {
        this.path = path;
        this.readOnly = readOnly;
    }

    /// <summary>Takes a lease on <paramref name="fullPath"/> or throws a <see cref="DuckDbErrorKind.Lock"/> error.</summary>
    internal static DatabaseFileLease Acquire(string fullPath, bool readOnly)
    {
        lock (Gate)
        {
            if (OpenFiles.TryGetValue(fullPath, out var holders))
            {
                if (holders.ReadWrite > 0 || !readOnly)
                {
                    var mode = holders.ReadWrite > 0 ? "read-write" : "read-only";
                    throw new DuckDbException(
                        $"IO Error: Could not set lock on file \"{fullPath}\": this process already has it open {mode}. Close that database first.",
                        nativeErrorType: 28);
                }
            }
            else
            {
                holders = new Holders();
                OpenFiles.Add(fullPath, holders);
            }

            if (readOnly)
            {
                holders.ReadOnly++;
            }
            else
            {
                holders.ReadWrite++;
            }

            return new DatabaseFileLease(fullPath, readOnly);
        }
    }

    internal void AddReference() => Interlocked.Increment(ref references);

    internal void Release()
    {
        if (Interlocked.Decrement(ref references) != 0)
        {
            return;
        }

        lock (Gate)
        {
            if (!OpenFiles.TryGetValue(this.path, out var holders))
            {
                return;
            }

            if (this.readOnly)
            {
                holders.ReadOnly--;
            }
            else
            {
                holders.ReadWrite--;
            }

            if (holders.ReadOnly == 0 && holders.ReadWrite == 0)
            {
                OpenFiles.Remove(this.path);
            }
        }
    }

    private sealed class Holders
    {
        public int ReadOnly;
        public int ReadWrite;
    }
}
