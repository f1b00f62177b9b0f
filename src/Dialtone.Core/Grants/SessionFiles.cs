using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dialtone.Core.Storage;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Grants;

/// <summary>
/// Where the secrets of live grants wait between commands: one file per grant (`&lt;lease&gt;.grant`,
/// mode 0600) in a private directory — `$XDG_RUNTIME_DIR/dialtone/&lt;repository key&gt;/` when the
/// runtime directory is set (a tmpfs only the user can enter, emptied at logout), else
/// `&lt;store dir&gt;/grant-sessions/`. A file is created with its mode (never readable by others, not
/// even for an instant) under a temporary name and renamed into place, so a reader never sees half
/// of one. It is removed at revoke, at expiry (a small background timer), or by the next dialtone
/// command after expiry (the lazy sweep); readers ignore it after its expiry in any case. A file in
/// the runtime directory leaves a pointer (`&lt;lease&gt;.at`, the directory's path, no secret) in the
/// store's directory, so that a process started without XDG_RUNTIME_DIR still finds it.
/// </summary>
public static class SessionFiles
{
    public const string StoreSubdirectory = "grant-sessions";
    public const string RuntimeVariable = "XDG_RUNTIME_DIR";

    private const string Extension = ".grant";
    private const string TempExtension = ".tmp";
    private const string PointerExtension = ".at";
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The directory new files go to, created with mode 0700 and checked private (and the store's,
    /// which holds the pointers); exit 3 with the fix when one is not (someone else's, open to the
    /// group or others, a symbolic link).
    /// </summary>
    public static string Prepare(StorePaths paths, Func<string, string?>? environment = null)
    {
        var inStore = InStore(paths);
        PrivateDirectory.Ensure(inStore);
        if (RuntimeDirectory(environment) is not { } runtime)
        {
            return inStore;
        }

        var dialtone = Path.Combine(runtime, "dialtone");
        PrivateDirectory.Ensure(dialtone);
        var directory = Path.Combine(dialtone, Key(paths));
        PrivateDirectory.Ensure(directory);
        return directory;
    }

    /// <summary>
    /// Every place a file of this store may be: the runtime directory this process knows, the store's
    /// directory, and those the store's pointers name (written by processes with another runtime directory).
    /// </summary>
    public static List<string> Directories(StorePaths paths, Func<string, string?>? environment = null)
    {
        var inStore = InStore(paths);
        var directories = new List<string>();
        if (RuntimeDirectory(environment) is { } runtime)
        {
            directories.Add(Path.Combine(runtime, "dialtone", Key(paths)));
        }

        directories.Add(inStore);
        foreach (var pointer in Files(inStore, PointerExtension))
        {
            if (ReadPointer(pointer) is { } named && !directories.Contains(named, StringComparer.Ordinal))
            {
                directories.Add(named);
            }
        }

        return directories;
    }

    /// <summary>Writes the grant's file into <paramref name="directory"/> (from <see cref="Prepare"/>); returns its path.</summary>
    public static string Write(StorePaths paths, string directory, SessionGrant grant)
    {
        var path = Path.Combine(directory, Name(grant.Lease, Extension));
        var inStore = InStore(paths);
        if (!string.Equals(directory, inStore, StringComparison.Ordinal))
        {
            // The pointer first: a file nobody can find is a file nobody removes.
            WriteNew(Path.Combine(inStore, Name(grant.Lease, PointerExtension)), Encoding.UTF8.GetBytes(directory));
        }

        var bytes = Encoding.UTF8.GetBytes(Serialize(grant));
        try
        {
            WriteNew(path, bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }

        return path;
    }

    /// <summary>Every grant file of this store, live or not yet removed; unreadable files and directories that are not private are skipped.</summary>
    public static List<SessionGrant> Read(StorePaths paths, Func<string, string?>? environment = null)
    {
        var grants = new List<SessionGrant>();
        foreach (var directory in Directories(paths, environment))
        {
            // A file in a directory someone else controls could name any variable with any value.
            if (!PrivateDirectory.IsPrivate(directory))
            {
                continue;
            }

            foreach (var file in Files(directory, Extension))
            {
                if (TryRead(file) is { } grant && !grants.Exists(g => g.Lease == grant.Lease))
                {
                    grants.Add(grant);
                }
            }
        }

        return grants;
    }

    /// <summary>Removes the files of <paramref name="lease"/> wherever they are, its pointer last; true when one was there.</summary>
    public static bool Remove(StorePaths paths, long lease, Func<string, string?>? environment = null)
    {
        var removed = false;
        foreach (var directory in Directories(paths, environment))
        {
            removed |= Delete(Path.Combine(directory, Name(lease, Extension)));
            Delete(Path.Combine(directory, Name(lease, TempExtension)));
        }

        Delete(Path.Combine(InStore(paths), Name(lease, PointerExtension)));
        return removed;
    }

    /// <summary>Removes every file whose grant has expired (whatever became of its lease), and pointers to files that are gone.</summary>
    public static void RemoveExpired(StorePaths paths, DateTimeOffset now)
    {
        foreach (var grant in Read(paths).Where(g => !g.IsLive(now)))
        {
            Remove(paths, grant.Lease);
        }

        foreach (var pointer in Files(InStore(paths), PointerExtension))
        {
            var lease = Path.GetFileNameWithoutExtension(pointer);
            if (ReadPointer(pointer) is not { } directory || !File.Exists(Path.Combine(directory, lease + Extension)))
            {
                Delete(pointer);
            }
        }
    }

    /// <summary>
    /// Starts a background timer that removes the file (and its pointer) at expiry, so the secret does
    /// not outlive its grant on disk when no dialtone command runs after it. It checks every second
    /// whether the file is still there and ends as soon as it is not (revoked). It knows the path,
    /// never the secret.
    /// </summary>
    public static void RemoveAtExpiry(StorePaths paths, string path, TimeSpan remaining)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const string Script = """
            exec </dev/null >/dev/null 2>&1
            n=$1
            while [ "$n" -gt 0 ] && [ -e "$2" ]; do sleep 1; n=$((n - 1)); done
            rm -f -- "$2" "$3"
            """;
        var seconds = (long)Math.Ceiling(Math.Max(0, remaining.TotalSeconds));
        var pointer = Path.Combine(InStore(paths), Path.GetFileNameWithoutExtension(path) + PointerExtension);
        var spec = ProcessSpec.Shell(Script, "/", "dialtone-grant-expiry", seconds.ToString(CultureInfo.InvariantCulture), path, pointer) with
        {
            // Not one of the processes a supervised grant stops by its cookie.
            Environment = new Dictionary<string, string?> { [ProcessTree.CookieVariable] = null },
        };
        ProcessRunner.StartDetached(spec);
    }

    /// <summary>Created with its mode under a temporary name, then renamed into place.</summary>
    private static void WriteNew(string path, byte[] bytes)
    {
        var temp = Path.ChangeExtension(path, TempExtension);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static string? ReadPointer(string pointer)
    {
        try
        {
            var directory = File.ReadAllText(pointer).Trim();
            return Path.IsPathFullyQualified(directory) ? directory : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] Files(string directory, string extension)
    {
        try
        {
            return Directory.Exists(directory) ? Directory.GetFiles(directory, "*" + extension) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string InStore(StorePaths paths) => Path.Combine(paths.Directory, StoreSubdirectory);

    private static SessionGrant? TryRead(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("lease", out var lease) || !lease.TryGetInt64(out var id)
                || Text(root, "ticket") is not { } ticket || Text(root, "scope") is not { } scope
                || Text(root, "env") is not { } variable || Text(root, "mode") is not { } mode
                || Text(root, "secret") is not { } secret
                || !DateTimeOffset.TryParse(Text(root, "expiresAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt))
            {
                return null;
            }

            // The same rules as the config's: a session file never sets PATH, LD_PRELOAD or Dialtone's own variables.
            return GrantScopes.EnvProblem(variable) is null && secret.Length >= MintOutput.MinimumSecretLength
                ? new SessionGrant(id, ticket, scope, variable, mode, expiresAt, secret)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Serialize(SessionGrant grant) => new JsonObject
    {
        ["lease"] = grant.Lease,
        ["ticket"] = grant.Ticket,
        ["scope"] = grant.Scope,
        ["env"] = grant.Variable,
        ["mode"] = grant.Mode,
        ["expiresAt"] = grant.ExpiresAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["secret"] = grant.Secret,
    }.ToJsonString();

    private static bool Delete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? RuntimeDirectory(Func<string, string?>? environment)
    {
        var value = (environment ?? Environment.GetEnvironmentVariable)(RuntimeVariable);
        return !string.IsNullOrEmpty(value) && Path.IsPathFullyQualified(value) && Directory.Exists(value) ? value : null;
    }

    /// <summary>One directory per store under the shared runtime directory.</summary>
    private static string Key(StorePaths paths) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(paths.Directory))))[..16];

    private static string Name(long lease, string extension) => lease.ToString(CultureInfo.InvariantCulture) + extension;
}
