namespace Dialtone.Git;

/// <summary>Parses `--raw -z` output of diff and log: ":&lt;mode&gt; &lt;mode&gt; &lt;old&gt; &lt;new&gt; &lt;status&gt;\0&lt;path&gt;\0" per path.</summary>
internal static class RawDiffFormat
{
    public static List<RawChange> Parse(string output)
    {
        var entries = new List<RawChange>();
        var parts = output.Split('\0');
        for (var i = 0; i + 1 < parts.Length; i++)
        {
            // log puts an empty line (its empty --format=) before each commit's entries.
            var header = parts[i].TrimStart('\n');
            if (!header.StartsWith(':'))
            {
                continue;
            }

            var fields = header[1..].Split(' ');
            if (fields.Length < 5)
            {
                continue;
            }

            entries.Add(new RawChange(parts[i + 1], Blob(fields[2]), Blob(fields[3]), fields[4].Length > 0 ? fields[4][0] : '?'));
            i++;
        }

        return entries;
    }

    /// <summary>The all-zero id stands for "no blob on this side".</summary>
    private static string? Blob(string id) => id.All(c => c == '0') ? null : id;
}
