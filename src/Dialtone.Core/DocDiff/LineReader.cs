namespace Dialtone.Core.DocDiff;

/// <summary>
/// The fallback for files that cannot be parsed (or have no known format): one node per non-blank
/// line, keyed by its whitespace-normalised text. Moved lines match; edited lines are paired by the
/// same similarity as renames, so they read "Line 12 changed from … to …".
/// </summary>
internal static class LineReader
{
    public static DocNode Parse(string text)
    {
        var root = new DocNode { Kind = NodeKind.Document, Key = "", Name = "", Noun = "Document" };
        var number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var line = MarkdownReader.Normalize(raw);
            if (line.Length == 0)
            {
                continue;
            }

            root.Children.Add(new DocNode
            {
                Kind = NodeKind.Line,
                Key = line,
                Name = line,
                Noun = "Line",
                Signature = line,
                Line = number,
            });
        }

        return root;
    }
}
