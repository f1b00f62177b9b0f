using System.Security.Cryptography;
using System.Text;

namespace Dialtone.Git;

/// <summary>
/// The id a tree would have without one of its entries, computed in process from the tree's
/// content: a git tree id is the hash of "tree &lt;size&gt;\0" and its entries ("&lt;mode&gt; &lt;name&gt;\0"
/// and the raw id of each), so dropping an entry and hashing the rest gives what `git mktree` would
/// write, without starting git. SHA-1 and SHA-256 repositories alike: the id's length says which.
/// </summary>
public static class TreeFilter
{
    /// <summary>
    /// The id of <paramref name="tree"/> without its entry <paramref name="name"/> (the tree's own id
    /// when it has none); null when the id is of no hash this knows, so the caller asks git instead.
    /// </summary>
    public static string? WithoutEntry(GitObject tree, string name)
    {
        var rawLength = tree.Id.Length switch
        {
            40 => 20,
            64 => 32,
            _ => 0,
        };
        if (rawLength == 0 || tree.Type != "tree")
        {
            return null;
        }

        var content = tree.Content;
        var target = Encoding.UTF8.GetBytes(name);
        var position = 0;
        while (position < content.Length)
        {
            var space = Array.IndexOf(content, (byte)' ', position);
            var nul = space < 0 ? -1 : Array.IndexOf(content, (byte)0, space);
            if (nul < 0 || nul + 1 + rawLength > content.Length)
            {
                return null; // Not a tree git wrote; let git answer.
            }

            var end = nul + 1 + rawLength;
            if (content.AsSpan(space + 1, nul - space - 1).SequenceEqual(target))
            {
                var rest = new byte[content.Length - (end - position)];
                content.AsSpan(0, position).CopyTo(rest);
                content.AsSpan(end).CopyTo(rest.AsSpan(position));
                return Id(rest, rawLength);
            }

            position = end;
        }

        return tree.Id;
    }

    private static string Id(byte[] entries, int rawLength)
    {
        var header = Encoding.ASCII.GetBytes($"tree {entries.Length}\0");
        var data = new byte[header.Length + entries.Length];
        header.CopyTo(data, 0);
        entries.CopyTo(data, header.Length);
#pragma warning disable CA5350 // git's object id, not a security measure.
        var hash = rawLength == 32 ? SHA256.HashData(data) : SHA1.HashData(data);
#pragma warning restore CA5350
        return Convert.ToHexStringLower(hash);
    }
}
