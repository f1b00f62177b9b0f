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
/// command after expiry (the lazy sweep); readers ignore it after its expiry in any case.
/// </summary>
public static class SessionFiles
{
    public const string StoreSubdirectory = "grant-sessions";
    public const string RuntimeVariable = "XDG_RUNTIME_DIR";

    private const string Extension = ".grant";
    private const string TempExtension = ".tmp";
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The directory new files go to, created with mode 0700 and checked private; exit 3 with the fix
    /// when it is not (someone else's, open to the group or others, a symbolic link).
    /// </summary>
    public static string Prepare(StorePaths paths, Func<string, string?>? environment = null)
    {
        if (RuntimeDirectory(environment) is { } runtime)
        {
            var dialtone = Path.Combine(runtime, "dialtone");
            PrivateDirectory.Ensure(dialtone);
            var directory = Path.Combine(dialtone, Key(paths));
            PrivateDirectory.Ensure(directory);
            return directory;
        }

        var inStore = Path.Combine(paths.Directory, StoreSubdirectory);
        PrivateDirectory.Ensure(inStore);
        return inStore;
    }

    /// <summary>
    /// Every place a file of this store may be, the preferred first: one process may have the runtime
    /// directory set and the next not, and each must still find (and remove) the other's files.
    /// </summary>
    public static IEnumerable<string> Directories(StorePaths paths, Func<string, string?>? environment = null)
    {
        if (RuntimeDirectory(environment) is { } runtime)
        {
            yield return Path.Combine(runtime, "dialtone", Key(paths));
        }

        yield return Path.Combine(paths.Directory, StoreSubdirectory);
    }

    /// <summary>Writes the grant's file into <paramref name="directory"/> (from <see cref="Prepare"/>); returns its path.</summary>
    public static string Write(string directory, SessionGrant grant)
    {
        var path = Path.Combine(directory, Name(grant.Lease, Extension));
        var temp = Path.Combine(directory, Name(grant.Lease, TempExtension));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        var bytes = Encoding.UTF8.GetBytes(Serialize(grant));
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

            foreach (var file in Directory.EnumerateFiles(directory, "*" + Extension))
            {
                if (TryRead(file) is { } grant)
                {
                    grants.Add(grant);
                }
            }
        }

        return grants;
    }

    /// <summary>Removes the files of <paramref name="lease"/> wherever they are; true when one was there.</summary>
    public static bool Remove(StorePaths paths, long lease, Func<string, string?>? environment = null)
    {
        var removed = false;
        foreach (var directory in Directories(paths, environment))
        {
            removed |= Delete(Path.Combine(directory, Name(lease, Extension)));
            Delete(Path.Combine(directory, Name(lease, TempExtension)));
        }

        return removed;
    }

    /// <summary>Removes every file whose grant has expired (whatever became of its lease).</summary>
    public static void RemoveExpired(StorePaths paths, DateTimeOffset now)
    {
        foreach (var grant in Read(paths).Where(g => !g.IsLive(now)))
        {
            Remove(paths, grant.Lease);
        }
    }

    /// <summary>
    /// Starts a background timer that removes the file at expiry, so the secret does not outlive its
    /// grant on disk when no dialtone command runs after it. It checks every second whether the file
    /// is still there and ends as soon as it is not (revoked). It knows the path, never the secret.
    /// </summary>
    public static void RemoveAtExpiry(string path, TimeSpan remaining)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const string Script = """
            exec </dev/null >/dev/null 2>&1
            n=$1
            while [ "$n" -gt 0 ] && [ -e "$2" ]; do sleep 1; n=$((n - 1)); done
            rm -f -- "$2"
            """;
        var seconds = (long)Math.Ceiling(Math.Max(0, remaining.TotalSeconds));
        var spec = ProcessSpec.Shell(Script, "/", "dialtone-grant-expiry", seconds.ToString(CultureInfo.InvariantCulture), path) with
        {
            // Not one of the processes a supervised grant stops by its cookie.
            Environment = new Dictionary<string, string?> { [ProcessTree.CookieVariable] = null },
        };
        ProcessRunner.StartDetached(spec);
    }

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
