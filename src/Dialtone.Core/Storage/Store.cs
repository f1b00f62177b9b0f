using System.Diagnostics;
using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Storage;

/// <summary>
/// An open store: the lock file held, the DuckDB file open, the schema migrated. Open it, do one
/// unit of work, dispose it — milliseconds. Never keep one open while a test command runs.
/// </summary>
public sealed class Store : IDisposable
{
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(30);

    private readonly StoreLock storeLock;
    private readonly DuckDbDatabase database;
    private readonly Stopwatch held;
    private readonly string activity;
    private TicketTable? tickets;
    private RunTable? runs;
    private JournalTable? journal;
    private MessageTable? messages;
    private AlertTable? alerts;
    private ArchiveTable? archive;
    private LeaseTable? leases;

    private Store(StorePaths paths, StoreLock storeLock, Stopwatch held, DuckDbDatabase database, DuckDbConnection connection, int schemaVersion, string activity)
    {
        this.held = held;
        this.activity = activity;
        Paths = paths;
        this.storeLock = storeLock;
        this.database = database;
        Connection = connection;
        SchemaVersion = schemaVersion;
    }

    public StorePaths Paths { get; }

    public DuckDbConnection Connection { get; }

    public int SchemaVersion { get; }

    public TicketTable Tickets => tickets ??= new TicketTable(Connection);

    public RunTable Runs => runs ??= new RunTable(Connection);

    public JournalTable Journal => journal ??= new JournalTable(Connection);

    public MessageTable Messages => messages ??= new MessageTable(Connection);

    public AlertTable Alerts => alerts ??= new AlertTable(Connection);

    public ArchiveTable Archive => archive ??= new ArchiveTable(Connection);

    public LeaseTable Leases => leases ??= new LeaseTable(Connection);

    /// <summary>The lock wait: DIALTONE_LOCK_TIMEOUT (seconds) when set, else <paramref name="configured"/>, else the default.</summary>
    public static TimeSpan LockTimeoutFromEnvironment(TimeSpan? configured = null)
    {
        var text = Environment.GetEnvironmentVariable("DIALTONE_LOCK_TIMEOUT");
        return double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : configured ?? DefaultLockTimeout;
    }

    /// <param name="activity">What this process does with the store, named to anyone who waits for it.</param>
    public static Store Open(StorePaths paths, TimeSpan? lockTimeout = null, IReadOnlyList<Migration>? migrations = null, string activity = "dialtone")
    {
        LoadLibrary();
        var timeout = lockTimeout ?? LockTimeoutFromEnvironment();
        try
        {
            Directory.CreateDirectory(paths.Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw DialtoneError.Environment($"Cannot create the store directory '{paths.Directory}': {ex.Message}", null, ex);
        }

        var clock = Stopwatch.StartNew();
        var storeLock = StoreLock.Acquire(paths.Lock, timeout, activity);
        var held = Stopwatch.StartNew();
        DuckDbDatabase? database = null;
        DuckDbConnection? connection = null;
        try
        {
            database = OpenDatabase(paths, timeout - clock.Elapsed);
            connection = database.Connect();
            var version = Migrator.Migrate(connection, migrations ?? Migrations.All);
            ScratchSweeper.Sweep(Path.Combine(paths.Directory, "tmp"));
            return new Store(paths, storeLock, held, database, connection, version, activity);
        }
        catch
        {
            connection?.Dispose();
            database?.Dispose();
            storeLock.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it lands, or none.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        using var transaction = Connection.BeginTransaction();
        var result = work();
        transaction.Commit();
        return result;
    }

    public void InTransaction(Action work) => InTransaction(() =>
    {
        work();
        return 0;
    });

    public void Dispose()
    {
        Connection.Dispose();
        database.Dispose();
        storeLock.Dispose();
        Diagnostics.LockTrace.Record(activity, storeLock.Waited, held.Elapsed);
    }

    internal static void LoadLibrary()
    {
        try
        {
            DuckDbLibrary.EnsureLoaded();
        }
        catch (DuckDbLibraryException ex)
        {
            throw DialtoneError.Environment(ex.Message, null, ex);
        }
    }

    private static DuckDbDatabase OpenDatabase(StorePaths paths, TimeSpan remaining)
    {
        // The lock file keeps dialtone processes in line; this second layer covers anything else
        // holding the DuckDB file (an older dialtone, the duckdb shell).
        var clock = Stopwatch.StartNew();
        var delay = 10;
        while (true)
        {
            try
            {
                return DuckDbDatabase.Open(paths.Database);
            }
            catch (DuckDbException ex) when (ex.Kind == DuckDbErrorKind.Lock && clock.Elapsed < remaining)
            {
                Thread.Sleep(delay + Random.Shared.Next(delay));
                delay = Math.Min(delay * 2, 200);
            }
            catch (DuckDbException ex) when (ex.Kind == DuckDbErrorKind.Lock)
            {
                throw DialtoneError.Environment(
                    $"The store '{paths.Database}' is locked by another program: {FirstLine(ex.Message)}",
                    "Close the other program (a duckdb shell?) and retry.",
                    ex);
            }
            catch (DuckDbException ex)
            {
                throw DialtoneError.Environment(
                    $"Cannot open the store '{paths.Database}': {FirstLine(ex.Message)}",
                    "Run `./dialtone.sh doctor`; if the file is damaged, move it aside (records in .dialtone/tickets are re-imported).",
                    ex);
            }
        }
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }
}
