namespace Dialtone.Core.DocDiff;

/// <summary>
/// How alike two elements are, for pairing a removed element with an added one as a rename:
/// mostly what they contain (the rest of the row, the subtree), then where they sit (between the
/// same neighbours), then their names (shared character pairs). All scores are 0..1.
/// </summary>
public static class Similarity
{
    public const double ContentWeight = 0.6;
    public const double PositionWeight = 0.25;
    public const double NameWeight = 0.15;

    /// <summary>At or above this a pair may be a rename ("possibly renamed").</summary>
    public const double RenameThreshold = 0.6;

    /// <summary>At or above this a rename is reported without "possibly".</summary>
    public const double ConfidentThreshold = 0.8;

    /// <summary>Content made only of type and required-ness is weak evidence: it is capped here.</summary>
    public const double AttributeOnlyCap = 0.75;

    /// <summary>Neither element has content: neutral.</summary>
    public const double EmptyContent = 0.5;

    public static double Score(double content, double position, double name) =>
        (ContentWeight * content) + (PositionWeight * position) + (NameWeight * name);

    /// <summary>Similarity of what two elements contain, their names left out.</summary>
    public static double Content(DocNode removed, DocNode added)
    {
        var a = removed.ContentTokens();
        var b = added.ContentTokens();
        if (a.Count > 0 || b.Count > 0)
        {
            return Dice(a, b);
        }

        var attributesA = removed.AttributeTokens();
        var attributesB = added.AttributeTokens();
        return attributesA.Count == 0 && attributesB.Count == 0
            ? EmptyContent
            : Math.Min(AttributeOnlyCap, Dice(attributesA, attributesB));
    }

    /// <summary>Sørensen–Dice coefficient of two word sets.</summary>
    public static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var word in small)
        {
            if (large.Contains(word))
            {
                shared++;
            }
        }

        return 2.0 * shared / (a.Count + b.Count);
    }

    /// <summary>Dice coefficient over character pairs of the lower-cased names ("webhook_url" ~ "webhook_uri").</summary>
    public static double Name(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        var shared = 0;
        var pool = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in y)
        {
            pool[pair] = pool.GetValueOrDefault(pair) + 1;
        }

        foreach (var pair in x)
        {
            if (pool.TryGetValue(pair, out var count) && count > 0)
            {
                pool[pair] = count - 1;
                shared++;
            }
        }

        return 2.0 * shared / (x.Count + y.Count);
    }

    /// <summary>Adds the lower-cased words of <paramref name="text"/> (letters and digits) with a prefix.</summary>
    public static void AddWords(string text, HashSet<string> set, string prefix)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                set.Add(prefix + text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
    }

    private static List<string> Bigrams(string text)
    {
        var letters = text.ToLowerInvariant();
        var pairs = new List<string>(Math.Max(0, letters.Length - 1));
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            pairs.Add(letters.Substring(i, 2));
        }

        return pairs;
    }
}
