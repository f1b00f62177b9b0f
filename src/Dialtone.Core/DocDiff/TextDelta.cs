namespace Dialtone.Core.DocDiff;

/// <summary>
/// The part of a text that changed, with a little context: long descriptions differ in a few words,
/// and a [DIFF] line should show those words, not two paragraphs.
/// </summary>
public static class TextDelta
{
    private const int Context = 2;
    private const int MaxLength = 60;

    /// <summary>"'old' to 'new'" for short values, or the differing words of long ones ("'…in cents…' to '…in minor units…'").</summary>
    public static (string Old, string New) Excerpt(string before, string after)
    {
        if (before.Length <= MaxLength && after.Length <= MaxLength)
        {
            return (before, after);
        }

        var a = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var start = Math.Max(0, prefix - Context);
        return (Window(a, start, a.Length - suffix, suffix), Window(b, start, b.Length - suffix, suffix));
    }

    /// <summary>Flattens and shortens a value for one line of output.</summary>
    public static string Short(string text, int max = MaxLength)
    {
        var flat = text.ReplaceLineEndings(" ").Replace('\t', ' ');
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }

    private static string Window(string[] words, int start, int end, int suffix)
    {
        var stop = Math.Min(words.Length, end + Math.Min(Context, suffix));
        var text = string.Join(' ', words[start..Math.Max(start, stop)]);
        if (text.Length > MaxLength)
        {
            text = text[..(MaxLength - 1)].TrimEnd() + "…";
        }

        return (start > 0 ? "…" : "") + text + (stop < words.Length && !text.EndsWith('…') ? "…" : "");
    }
}
