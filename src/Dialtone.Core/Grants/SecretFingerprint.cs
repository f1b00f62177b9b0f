using System.Security.Cryptography;
using System.Text;

namespace Dialtone.Core.Grants;

/// <summary>
/// A keyed fingerprint of a secret (HMAC-SHA256), so a lease can later be matched with a key that
/// turns up somewhere without the store ever holding the key itself. The HMAC key is random, one
/// per store, in the store directory with owner-only permissions; without it a fingerprint cannot
/// be used to test guesses.
/// </summary>
public static class SecretFingerprint
{
    public const string KeyFileName = "grant-fingerprint.key";

    private const int KeyBytes = 32;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string Compute(string storeDirectory, string secret)
    {
        var key = LoadOrCreateKey(storeDirectory);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>The key, created on first use (0600, written to a temp file and moved into place so racing processes agree).</summary>
    public static byte[] LoadOrCreateKey(string storeDirectory)
    {
        var path = Path.Combine(storeDirectory, KeyFileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(storeDirectory);
            var temp = $"{path}.{Environment.ProcessId}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(temp, options))
            {
                stream.Write(RandomNumberGenerator.GetBytes(KeyBytes));
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
                File.Delete(temp);
            }
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        var key = File.ReadAllBytes(path);
        return key.Length == KeyBytes
            ? key
            : throw DialtoneError.Environment(
                $"The grant fingerprint key '{path}' is damaged ({key.Length} bytes, expected {KeyBytes}). Removing it makes a new key; earlier fingerprints can then no longer be matched.",
                $"rm {ShellWords.Quote(path)}");
    }
}
