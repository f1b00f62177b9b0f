namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// One open DuckDB database file. Open it once per process and make connections from it; a file
/// held read-write by another process fails to open with <see cref="DuckDbErrorKind.Lock"/>.
/// </summary>
public sealed class DuckDbDatabase : IDisposable
{
    private const string InMemory = ":memory:";

    private readonly DatabaseHandle handle;
    private readonly DatabaseFileLease? lease;
    private int disposed;

    private DuckDbDatabase(DatabaseHandle handle, string path, bool readOnly, DatabaseFileLease? lease)
    {
        this.handle = handle;
        this.lease = lease;
        Path = path;
        IsReadOnly = readOnly;
    }

    /// <summary>The absolute path of the database file (or ":memory:").</summary>
    public string Path { get; }

    public bool IsReadOnly { get; }

    /// <summary>
    /// Opens (creating if needed, unless <paramref name="readOnly"/>) the database at
    /// <paramref name="path"/>. Extension auto-install and auto-load are off: Dialtone never reaches
    /// the network behind the user's back, and what the statically linked extensions offer is all it
    /// uses. ":memory:" opens a private in-memory database.
    /// </summary>
    public static DuckDbDatabase Open(string path, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        DuckDbLibrary.EnsureLoaded();

        var inMemory = path == InMemory;
        var fullPath = inMemory ? path : System.IO.Path.GetFullPath(path);
        var lease = inMemory ? null : DatabaseFileLease.Acquire(fullPath, readOnly);
        try
        {
            return new DuckDbDatabase(OpenNative(fullPath, readOnly), fullPath, readOnly, lease);
        }
        catch
        {
            lease?.Release();
            throw;
        }
    }

    /// <summary>
    /// A new connection. Each connection has its own transaction state; connections are not meant
    /// to be shared between threads.
    /// </summary>
    public unsafe DuckDbConnection Connect()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

        var handle = new ConnectionHandle();
        nint raw = 0;
        if (NativeMethods.duckdb_connect(this.handle, &raw) != DuckDbState.Success)
        {
            handle.Dispose();
            throw new DuckDbException($"Connection Error: DuckDB could not open a connection to {Path}.", nativeErrorType: 21);
        }

        handle.Attach(raw);
        this.lease?.AddReference();
        var connection = new DuckDbConnection(handle, this.lease);
        connection.UseUtcSessionTimeZone();
        return connection;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        this.handle.Dispose();
        this.lease?.Release();
    }

    private static unsafe DatabaseHandle OpenNative(string path, bool readOnly)
    {
        nint config = 0;
        if (NativeMethods.duckdb_create_config(&config) != DuckDbState.Success)
        {
            throw new DuckDbException("Out of Memory Error: DuckDB could not allocate a configuration.", nativeErrorType: 33);
        }

        try
        {
            SetOption(config, "access_mode", readOnly ? "READ_ONLY" : "READ_WRITE");
            SetOption(config, "autoinstall_known_extensions", "false");
            SetOption(config, "autoload_known_extensions", "false");

            var handle = new DatabaseHandle();
            nint database = 0;
            nint error = 0;
            if (NativeMethods.duckdb_open_ext(path, &database, config, &error) == DuckDbState.Success)
            {
                handle.Attach(database);
                return handle;
            }

            handle.Dispose();
            string? message = null;
            if (error != 0)
            {
                message = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(error);
                NativeMethods.duckdb_free(error);
            }

            throw new DuckDbException(string.IsNullOrEmpty(message) ? $"IO Error: DuckDB could not open {path}." : message);
        }
        finally
        {
            NativeMethods.duckdb_destroy_config(&config);
        }
    }

    private static void SetOption(nint config, string name, string value)
    {
        if (NativeMethods.duckdb_set_config(config, name, value) != DuckDbState.Success)
        {
            throw new DuckDbException($"Invalid Input Error: DuckDB rejected the setting {name}={value}.");
        }
    }
}
