using System.Security.Cryptography;
using System.Text;
using Dialtone.Core.Records;
using Dialtone.Git;

namespace Dialtone.Core.Gates;

/// <summary>
/// Stages the ticket record with the commit that passed the gate, the way lint-staged stages the
/// files it fixed: only that one path, only when the work tree copy differs from the index, through
/// the ambient index so `git commit -a` and partial commits get it too.
/// </summary>
public static class RecordStager
{
    /// <summary>True when the record was added to the index.</summary>
    public static bool StageIfChanged(GitRepository repository, string ticket)
    {
        var relative = RecordFile.RelativePath(ticket);
        var path = RecordFile.PathIn(repository.TopLevel, ticket);
        if (!File.Exists(path))
        {
            return false;
        }

        if (repository.IndexEntry(relative) is { } entry && entry.ObjectId == BlobId(File.ReadAllBytes(path), entry.ObjectId.Length))
        {
            return false;
        }

        repository.Add(relative);
        return true;
    }

    /// <summary>git's object id of a blob with this content: SHA-1, or SHA-256 in repositories that use it.</summary>
    public static string BlobId(byte[] content, int idLength)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        var data = new byte[header.Length + content.Length];
        header.CopyTo(data, 0);
        content.CopyTo(data, header.Length);
#pragma warning disable CA5350 // git's object id, not a security measure.
        var hash = idLength == 64 ? SHA256.HashData(data) : SHA1.HashData(data);
#pragma warning restore CA5350
        return Convert.ToHexStringLower(hash);
    }
}
