using System.Globalization;
using System.Text;

namespace Dialtone.Git;

/// <summary>Many objects read through one `git cat-file --batch`, instead of one git process each.</summary>
public sealed partial class GitRepository
{
    /// <summary>
    /// The objects named by <paramref name="names"/> (ids, "&lt;revision&gt;:&lt;path&gt;", …), in order;
    /// null for a name git has no object for.
    /// </summary>
    public IReadOnlyList<GitObject?> ReadObjects(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var input = new StringBuilder();
        foreach (var name in names)
        {
            // cat-file reads one name per line; a name with a newline names no object.
            input.Append(name.Contains('\n', StringComparison.Ordinal) ? "\u0001invalid" : name).Append('\n');
        }

        // --batch answers "<name> missing" (exit 0) for what it cannot find, so a failure is a real one.
        var bytes = Git.Checked(["cat-file", "--batch"], input.ToString()).StdOutBytes;
        var objects = new List<GitObject?>(names.Count);
        var position = 0;
        for (var i = 0; i < names.Count; i++)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', position);
            if (newline < 0)
            {
                throw new GitException($"git cat-file --batch stopped after {i} of {names.Count} objects.");
            }

            // "<id> <type> <size>\n<content>\n", or "<name> missing\n".
            var header = Encoding.UTF8.GetString(bytes, position, newline - position).Split(' ');
            position = newline + 1;
            if (header.Length != 3 || !int.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                objects.Add(null);
                continue;
            }

            if (position + size > bytes.Length)
            {
                throw new GitException($"git cat-file --batch cut object {header[0]} short.");
            }

            objects.Add(new GitObject(header[0], header[1], bytes.AsSpan(position, size).ToArray()));
            position += size + 1;
        }

        return objects;
    }
}
