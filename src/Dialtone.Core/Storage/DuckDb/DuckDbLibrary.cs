using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Dialtone.Core.Storage.DuckDb;

/// <summary>
/// Finds, loads and version-checks libduckdb. Everything that talks to DuckDB goes through
/// <see cref="EnsureLoaded"/> first, so a missing or wrong library surfaces as one
/// <see cref="DuckDbLibraryException"/> with a fix, not as a DllNotFoundException from deep inside a
/// query.
/// </summary>
public static class DuckDbLibrary
{
    /// <summary>The libduckdb release build/DuckDb.targets fetches. Any 1.5.x is accepted at run time.</summary>
    public const string ExpectedVersion = "1.5.6";

    /// <summary>Environment variable naming the exact libduckdb file to load, bypassing the bundled copy.</summary>
    public const string PathVariable = "DIALTONE_DUCKDB_LIB";

    private const string FetchHint =
        "Run ./dialtone.sh once to fetch it, or set " + PathVariable + " to a libduckdb " + ExpectedVersion + " file.";

    private static readonly Lock Gate = new();
    private static nint libraryHandle;
    private static string? loadedFrom;
    private static string? libraryVersion;
    private static bool resolverRegistered;

    /// <summary>duckdb_library_version() of the loaded library, e.g. "v1.5.6". Loads it if needed.</summary>
    public static string Version
    {
        get
        {
            EnsureLoaded();
            return libraryVersion!;
        }
    }

    /// <summary>
    /// Full path of the loaded library, or null when nothing is loaded yet or when it came from the
    /// system's library search path (where the loader does not tell us which file it picked).
    /// </summary>
    public static string? LoadedFrom => Volatile.Read(ref libraryVersion) is null ? null : loadedFrom;

    /// <summary>Loads libduckdb once per process; throws <see cref="DuckDbLibraryException"/> when it cannot.</summary>
    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref libraryVersion) is not null)
        {
            return;
        }

        lock (Gate)
        {
            if (libraryVersion is not null)
            {
                return;
            }

            RegisterResolver();
            var (handle, path) = Load(Environment.GetEnvironmentVariable(PathVariable), AppContext.BaseDirectory);
            string version;
            try
            {
                version = ReadVersion(handle, path);
                CheckVersion(version, path);
            }
            catch
            {
                NativeLibrary.Free(handle);
                throw;
            }

            libraryHandle = handle;
            loadedFrom = path;
            Volatile.Write(ref libraryVersion, version);
        }
    }

    /// <summary>The file name the bundled copy has on this OS (what DuckDb.targets copies beside the binaries).</summary>
    internal static string PlatformFileName =>
        OperatingSystem.IsWindows() ? "duckdb.dll"
        : OperatingSystem.IsMacOS() ? "libduckdb.dylib"
        : "libduckdb.so";

    /// <summary>
    /// Loads the library the way <see cref="EnsureLoaded"/> does, from explicit inputs instead of
    /// process state, so the rules can be tested without touching the environment. Returns the
    /// handle and the path it came from (null for the system search path).
    /// </summary>
    /// <param name="searchSystem">
    /// Whether to fall back to the OS loader's search. Tests turn it off: once libduckdb is loaded
    /// in a process, the loader matches its soname and "finds" it there.
    /// </param>
    internal static (nint Handle, string? Path) Load(string? configuredPath, string baseDirectory, bool searchSystem = true)
    {
        if (!string.IsNullOrEmpty(configuredPath))
        {
            var full = Path.GetFullPath(configuredPath);
            if (!File.Exists(full))
            {
                throw new DuckDbLibraryException(
                    $"{PathVariable} points to {full}, which does not exist. Set it to a libduckdb {ExpectedVersion} file, or unset it to use the copy shipped beside Dialtone.");
            }

            return (LoadFile(full, $"Set {PathVariable} to a libduckdb {ExpectedVersion} file built for {RuntimeInformation.RuntimeIdentifier}."), full);
        }

        var bundled = Path.Combine(baseDirectory, PlatformFileName);
        if (File.Exists(bundled))
        {
            return (LoadFile(bundled, $"Delete it and run ./dialtone.sh to fetch it again, or set {PathVariable} to a libduckdb {ExpectedVersion} file."), bundled);
        }

        // Last resort: whatever the OS loader finds (LD_LIBRARY_PATH, the system library directories).
        if (searchSystem && NativeLibrary.TryLoad(PlatformFileName, out var handle))
        {
            return (handle, null);
        }

        throw new DuckDbLibraryException($"libduckdb not found at {bundled}. {FetchHint}");
    }

    /// <summary>Accepts any 1.5.x: patch releases keep the C API and the storage format.</summary>
    internal static void CheckVersion(string version, string? path)
    {
        if (!TryParseMajorMinor(version, out var major, out var minor)
            || !TryParseMajorMinor(ExpectedVersion, out var expectedMajor, out var expectedMinor)
            || major != expectedMajor
            || minor != expectedMinor)
        {
            throw new DuckDbLibraryException(
                $"{Describe(path)} is DuckDB {version}, but Dialtone needs {ExpectedVersion}. {FetchHint}");
        }
    }

    private static bool TryParseMajorMinor(string version, out int major, out int minor)
    {
        major = minor = 0;
        var text = version.AsSpan().Trim().TrimStart('v');
        var firstDot = text.IndexOf('.');
        if (firstDot <= 0)
        {
            return false;
        }

        var rest = text[(firstDot + 1)..];
        var secondDot = rest.IndexOfAny('.', '-');
        var minorText = secondDot < 0 ? rest : rest[..secondDot];
        return int.TryParse(text[..firstDot], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out major)
            && int.TryParse(minorText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out minor);
    }

    private static nint LoadFile(string path, string fix)
    {
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new DuckDbLibraryException($"libduckdb at {path} could not be loaded ({OneLine(e.Message)}). {fix}", e);
        }
    }

    private static unsafe string ReadVersion(nint handle, string? path)
    {
        // Called through a raw function pointer: a P/Invoke here would re-enter the resolver while
        // the library is only half set up.
        if (!NativeLibrary.TryGetExport(handle, "duckdb_library_version", out var export))
        {
            throw new DuckDbLibraryException(
                $"{Describe(path)} is not a DuckDB library (it has no duckdb_library_version). {FetchHint}");
        }

        var text = ((delegate* unmanaged<nint>)export)();
        return Marshal.PtrToStringUTF8(text) ?? string.Empty;
    }

    private static string Describe(string? path) =>
        path is null ? $"The {PlatformFileName} found on the system library path" : $"libduckdb at {path}";

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    private static void RegisterResolver()
    {
        if (resolverRegistered)
        {
            return;
        }

        var assembly = typeof(DuckDbLibrary).Assembly;
        try
        {
            NativeLibrary.SetDllImportResolver(assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Something else in this assembly already owns the (single) import resolver. The
            // fallback event only runs after default probing fails, which still covers
            // DIALTONE_DUCKDB_LIB pointing outside the application directory.
            AssemblyLoadContext.Default.ResolvingUnmanagedDll += (requesting, name) =>
                requesting == assembly ? Resolve(name, requesting, null) : 0;
        }

        resolverRegistered = true;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.Library)
        {
            return 0;
        }

        EnsureLoaded();
        return libraryHandle;
    }
}
