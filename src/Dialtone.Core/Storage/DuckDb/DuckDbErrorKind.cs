namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// The DuckDB error categories callers branch on. <see cref="DuckDbException.NativeErrorType"/>
/// keeps DuckDB's finer duckdb_error_type for anything else.
/// </summary>
public enum DuckDbErrorKind
{
    /// <summary>DuckDB did not say (DUCKDB_ERROR_INVALID, or a message without a recognisable prefix).</summary>
    Unknown,

    Io,
    Constraint,
    Catalog,

    /// <summary>Parser and syntax errors.</summary>
    Parser,

    Binder,

    /// <summary>Conversion, out-of-range, decimal and type-mismatch errors: a value did not fit.</summary>
    Conversion,

    Transaction,

    /// <summary>Another process holds the database file ("Could not set lock on file").</summary>
    Lock,

    Other,
}
