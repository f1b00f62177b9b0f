using System.Globalization;
using System.Text;

namespace Dialtone.Git;

/// <summary>Blobs in the object store: their ids at a revision and their contents.</summary>
public sealed partial class GitRepository
{
    /// <summary>The id of the object at <paramref name="path"/> in <paramref name="revision"/>; null when there is none.</summary>
    public string? BlobIdAt(string revision, string path)
    {
        string[] args = ["rev-parse", "-q", "--verify", "--end-of-options", $"{revision}:{path}"];
        var result = Git.Run(args);
        return result.ExitCode switch
        {
            0 => result.Output,
            1 => null, // -q --verify: the name resolves to nothing.
            _ => throw new GitCommandException(args, result),
        };
    }

    /// <summary>
    /// The content of the blob named <paramref name="name"/> (an id, or "&lt;revision&gt;:&lt;path&gt;");
    /// null when git has no such blob (missing, not a blob, or the revision names nothing, as on an unborn branch).
    /// </summary>
    public byte[]? BlobBytes(string name)
    {
        if (name.Contains('\n', StringComparison.Ordinal))
        {
            return null; // cat-file reads one name per line; no object is named with a newline.
        }

        // --batch answers "<name> missing" (exit 0) for what it cannot find, so a failure is a real one.
        var result = Git.Checked(["cat-file", "--batch"], name + "\n");
        var bytes = result.StdOutBytes;
        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline < 0)
        {
            return null;
        }

        // "<id> <type> <size>\n<content>\n"
        var header = Encoding.UTF8.GetString(bytes, 0, newline).Split(' ');
        if (header.Length != 3 || header[1] != "blob"
            || !int.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || newline + 1 + size > bytes.Length)
        {
            return null;
        }

        return bytes.AsSpan(newline + 1, size).ToArray();
    }

    /// <summary>The content of a blob as UTF-8 text; null when git has no such blob.</summary>
    public string? BlobText(string name) => BlobBytes(name) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}
