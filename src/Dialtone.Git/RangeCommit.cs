namespace Dialtone.Git;

/// <summary>
/// One commit of a range, as `dialtone verify` walks it: its id, root tree, parents and subject.
/// A boundary commit is outside the range but a parent of a commit inside it (listed so the
/// commits inside can be compared with their parents without asking git again).
/// </summary>
public sealed record RangeCommit(string Id, string Tree, IReadOnlyList<string> Parents, string Subject, bool Boundary)
{
    public string Short => Id[..Math.Min(7, Id.Length)];

    public bool IsMerge => Parents.Count >= 2;

    /// <summary>Parses `git log --boundary -z --format='%m %H %T %P%n%s'`.</summary>
    internal static List<RangeCommit> Parse(string output)
    {
        var commits = new List<RangeCommit>();
        foreach (var record in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var text = record.TrimStart('\n');
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            var header = (newline < 0 ? text : text[..newline]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (header.Length < 3)
            {
                continue;
            }

            var subject = newline < 0 ? "" : text[(newline + 1)..];
            commits.Add(new RangeCommit(header[1], header[2], header[3..], subject, header[0] == "-"));
        }

        return commits;
    }
}
