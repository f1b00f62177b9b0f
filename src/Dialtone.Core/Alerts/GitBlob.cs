using System.Security.Cryptography;
using System.Text;
using Dialtone.Git;

namespace Dialtone.Core.Alerts;

/// <summary>
/// Git blob ids computed in process ("blob &lt;size&gt;\0" + content, SHA-1 or SHA-256), so a changed
/// doc costs no `git hash-object`; and blob texts read back from git.
/// </summary>
public static class GitBlob
{
    public const int Sha1Length = 40;

    public static string Id(ReadOnlySpan<byte> content, int hexLength = Sha1Length)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        using var hash = IncrementalHash.CreateHash(hexLength == 64 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
        hash.AppendData(header);
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The text of a blob in the repository's object store, or null when git does not have it.</summary>
    public static string? Text(GitRepository repository, string blob) =>
        repository.BlobText(blob) is { } text ? Decode(text) : null;

    /// <summary>A file's text as the diff reads it: UTF-8, without a byte-order mark.</summary>
    public static string Decode(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    public static string Decode(byte[] bytes) => Decode(Encoding.UTF8.GetString(bytes));
}
