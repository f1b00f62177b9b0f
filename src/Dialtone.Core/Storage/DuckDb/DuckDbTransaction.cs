namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// An explicit transaction on one connection. Disposing it without committing rolls back, so a
/// `using` block never leaves a half-applied change behind when an exception escapes.
/// </summary>
public sealed class DuckDbTransaction : IDisposable
{
    private readonly DuckDbConnection _connection;
    private bool _completed;

    internal DuckDbTransaction(DuckDbConnection connection)
    {
        _connection = connection;
    }

    public void Commit()
    {
        ThrowIfCompleted();
        try
        {
            _connection.Execute("COMMIT");
        }
        catch (DuckDbException)
        {
            // A failed COMMIT can leave the transaction open (e.g. after an earlier failed
            // statement); close it so the connection is usable again.
            TryRollback();
            throw;
        }
        finally
        {
            _completed = true;
        }
    }

    public void Rollback()
    {
        ThrowIfCompleted();
        _completed = true;
        _connection.Execute("ROLLBACK");
    }

    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        TryRollback();
    }

    private void TryRollback()
    {
        if (_connection.IsDisposed)
        {
            // Closing a connection discards its open transaction.
            return;
        }

        try
        {
            _connection.Execute("ROLLBACK");
        }
        catch (DuckDbException)
        {
            // Nothing left to roll back (DuckDB already ended the transaction).
        }
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("This transaction has already been committed or rolled back.");
        }
    }
}
