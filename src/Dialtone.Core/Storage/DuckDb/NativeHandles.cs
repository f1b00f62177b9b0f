using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// Base for the DuckDB objects we own. SafeHandles give us a release that runs exactly once
/// (double Dispose is harmless) and a last-chance release if a caller forgets to dispose, without
/// writing finalizers ourselves. DuckDB reference-counts the instance behind databases, connections
/// and prepared statements, so the order in which these get released does not matter.
/// </summary>
internal abstract class NativeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    protected NativeHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of a pointer DuckDB handed out through an out parameter.</summary>
    internal void Attach(nint value) => SetHandle(value);
}

internal sealed class DatabaseHandle : NativeHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_close(&value);
        return true;
    }
}

internal sealed class ConnectionHandle : NativeHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_disconnect(&value);
        return true;
    }
}

internal sealed class PreparedStatementHandle : NativeHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_destroy_prepare(&value);
        return true;
    }
}

internal sealed class DataChunkHandle : NativeHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_destroy_data_chunk(&value);
        return true;
    }
}

/// <summary>
/// A duckdb_result lives in native memory rather than in a managed object because DuckDB keeps
/// writing to it after the call that filled it returns (fetching chunks), so it must not move.
/// </summary>
internal sealed unsafe class ResultHandle : NativeHandle
{
    public ResultHandle()
    {
        SetHandle((nint)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultNative)));
    }

    internal DuckDbResultNative* Pointer => (DuckDbResultNative*)handle;

    protected override bool ReleaseHandle()
    {
        // Safe on a zeroed struct too, which is what an execution that never ran leaves behind.
        NativeMethods.duckdb_destroy_result((DuckDbResultNative*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
