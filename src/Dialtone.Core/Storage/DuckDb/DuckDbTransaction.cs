namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// An explicit transaction on one connection. Disposing it without committing rolls back, so a
/// `using` block never leaves a half-applied change behind when an exception escapes.
/// </summary>
public sealed class DuckDbTransaction : IDisposable
{
    private readonly DuckDbConnection connection;
    private bool completed;

    internal DuckDbTransaction(DuckDbConnection connection)
    {
        this.connection = connection;
    }

    /// <summary>
    /// Commits, or throws a <see cref="DuckDbErrorKind.Transaction"/> error (having rolled back)
    /// when a statement in the transaction failed during execution.
    /// </summary>
    public void Commit()
    {
        ThrowIfCompleted();
        completed = true;

        // After a statement fails while executing (a constraint violation, a bad cast), DuckDB
        // marks the transaction aborted, and a later COMMIT reports success while actually rolling
        // back. Any statement in an aborted transaction fails, so a trivial one tells us first.
        try
        {
            this.connection.Execute("SELECT 1");
        }
        catch (DuckDbException error) when (error.Kind == DuckDbErrorKind.Transaction)
        {
            TryRollback();
            throw new DuckDbException(
                "TransactionContext Error: Nothing was committed: a statement in this transaction failed, so DuckDB aborted it.",
                error.NativeErrorType,
                error);
        }

        try
        {
            this.connection.Execute("COMMIT");
        }
        catch (DuckDbException)
        {
            // Leave the connection usable whatever state the failed COMMIT left behind.
            TryRollback();
            throw;
        }
    }

    public void Rollback()
    {
        ThrowIfCompleted();
        completed = true;
        this.connection.Execute("ROLLBACK");
    }

    public void Dispose()
    {
        if (completed)
        {
            return;
        }

        completed = true;
        TryRollback();
    }

    private void TryRollback()
    {
        if (this.connection.IsDisposed)
        {
            // Closing a connection discards its open transaction.
            return;
        }

        try
        {
            this.connection.Execute("ROLLBACK");
        }
        catch (DuckDbException)
        {
            // Nothing left to roll back (DuckDB already ended the transaction).
        }
    }

    private void ThrowIfCompleted()
    {
        if (completed)
        {
            throw new InvalidOperationException("This transaction has already been committed or rolled back.");
        }
    }
}
