namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// A DuckDB connection: runs SQL, prepares statements, owns one transaction at a time. Not
/// thread-safe; give each thread its own connection.
/// </summary>
public sealed class DuckDbConnection : IDisposable
{
    private readonly ConnectionHandle handle;
    private readonly DatabaseFileLease? lease;
    private int disposed;

    internal DuckDbConnection(ConnectionHandle handle, DatabaseFileLease? lease)
    {
        this.handle = handle;
        this.lease = lease;
    }

    /// <summary>Runs one or more statements without parameters.</summary>
    public unsafe void Execute(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ThrowIfDisposed();

        DuckDbResultNative result = default;
        try
        {
            if (NativeMethods.duckdb_query(this.handle, sql, &result) != DuckDbState.Success)
            {
                throw DuckDbException.FromResult(&result);
            }
        }
        finally
        {
            NativeMethods.duckdb_destroy_result(&result);
        }
    }

    /// <summary>
    /// Runs one statement with positional parameters ($1..$n or ?) and returns the number of rows it
    /// inserted, updated or deleted.
    /// </summary>
    public long Execute(string sql, params object?[] args)
    {
        using var statement = Prepare(sql);
        statement.BindAll(DuckDbStatement.Arguments(args));
        return statement.ExecuteNonQuery();
    }

    /// <summary>Prepares one statement for repeated execution.</summary>
    public unsafe DuckDbStatement Prepare(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ThrowIfDisposed();

        // DuckDB allocates the statement even when preparing fails (it carries the error), so the
        // handle is taken in both cases.
        var handle = new PreparedStatementHandle();
        nint raw = 0;
        var state = NativeMethods.duckdb_prepare(this.handle, sql, &raw);
        handle.Attach(raw);
        if (state != DuckDbState.Success)
        {
            var error = raw == 0
                ? new DuckDbException("DuckDB could not prepare the statement.")
                : DuckDbException.FromPrepare(handle);
            handle.Dispose();
            throw error;
        }

        return new DuckDbStatement(handle);
    }

    /// <summary>Runs a query and returns its (fully materialised) rows.</summary>
    public unsafe DuckDbReader Query(string sql, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(sql);
        args = DuckDbStatement.Arguments(args);
        if (args.Length > 0)
        {
            using var statement = Prepare(sql);
            statement.BindAll(args);
            return statement.ExecuteReader();
        }

        // Without parameters there is nothing to prepare; duckdb_query saves the statement object.
        ThrowIfDisposed();
        var result = new ResultHandle();
        try
        {
            if (NativeMethods.duckdb_query(this.handle, sql, result.Pointer) != DuckDbState.Success)
            {
                throw DuckDbException.FromResult(result.Pointer);
            }

            return new DuckDbReader(result);
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The first column of the first row converted to <typeparamref name="T"/>, or default when the
    /// query returns no row or NULL. Conversions are those of <see cref="DuckDbReader.GetFieldValue{T}"/>.
    /// </summary>
    public T? Scalar<T>(string sql, params object?[] args)
    {
        using var reader = Query(sql, args);
        if (!reader.Read() || reader.FieldCount == 0 || reader.IsNull(0))
        {
            return default;
        }

        return reader.GetFieldValue<T>(0);
    }

    /// <summary>Starts an explicit transaction; disposing it without <see cref="DuckDbTransaction.Commit"/> rolls back.</summary>
    public DuckDbTransaction BeginTransaction()
    {
        Execute("BEGIN TRANSACTION");
        return new DuckDbTransaction(this);
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

    internal bool IsDisposed => Volatile.Read(ref disposed) != 0;

    /// <summary>
    /// DuckDB's ICU extension (linked into libduckdb) casts between TIMESTAMP and TIMESTAMPTZ in the
    /// session time zone, which defaults to the machine's. Dialtone stores UTC everywhere, so a
    /// DateTime bound into a TIMESTAMPTZ column must not shift with the user's TZ.
    /// </summary>
    internal void UseUtcSessionTimeZone()
    {
        try
        {
            Execute("SET TimeZone = 'UTC'");
        }
        catch (DuckDbException)
        {
            // A library built without ICU has no TimeZone setting, and then every TIMESTAMPTZ is UTC anyway.
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
