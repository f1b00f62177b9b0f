namespace Dialtone.Core.Memory;

/// <summary>
/// Turns ticket text into search terms, the same way at archive time and at query time: split on
/// anything not a letter or digit (so dashes, underscores, dots and slashes separate words) and on
/// camelCase humps (keeping the whole word too), lowercase, drop stop words, one-letter words and bare numbers, and fold plurals
/// ("webhooks" and "webhook" are one term). Pure.
/// </summary>
public static class Tokenizer
{
    /// <summary>Longer words are cut: they are nearly always hashes or generated names.</summary>
    public const int MaxTermLength = 32;

    private static readonly string[] KeptEndings = ["aes", "ees", "oes", "ss", "us", "is"];

    /// <summary>The terms of <paramref name="text"/>, in order, repeats kept.</summary>
    public static List<string> Terms(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        // A camelCase word gives its parts and, when it had several, itself: "GitHub" is "git",
        // "hub" and "github", so it meets both "github-login" and "git hub".
        var start = -1;
        var wordStart = -1;
        var parts = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start >= 0 && IsHump(text, i))
            {
                Add(terms, text.AsSpan(start, i - start));
                start = i;
                parts++;
            }
            else if (inWord && start < 0)
            {
                start = wordStart = i;
                parts = 1;
            }
            else if (!inWord && start >= 0)
            {
                Add(terms, text.AsSpan(start, i - start));
                if (parts > 1)
                {
                    Add(terms, text.AsSpan(wordStart, i - wordStart));
                }

                start = -1;
            }
        }

        return terms;
    }

    /// <summary>Term frequencies of <paramref name="text"/>, each occurrence counting <paramref name="weight"/>, added to <paramref name="into"/>.</summary>
    public static void Count(string? text, double weight, Dictionary<string, double> into)
    {
        foreach (var term in Terms(text))
        {
            into[term] = into.GetValueOrDefault(term) + weight;
        }
    }

    /// <summary>
    /// Harman's S-stemmer, a light plural fold: "retries" → "retry", "caches" → "cache", "webhooks"
    /// → "webhook"; "status", "process", "analysis" and "does" stay.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length < 4 || !word.EndsWith('s'))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        foreach (var ending in KeptEndings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return word[..^1];
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c > 127 && char.IsLetterOrDigit(c));

    /// <summary>A camelCase boundary before <paramref name="i"/>: "aB" (stripeWebhook) or "ABc" (HTTPServer).</summary>
    private static bool IsHump(string text, int i)
    {
        var c = text[i];
        if (!char.IsUpper(c))
        {
            return false;
        }

        var previous = text[i - 1];
        if (char.IsLower(previous) || char.IsDigit(previous))
        {
            return true;
        }

        return char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]);
    }

    private static void Add(List<string> terms, ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return;
        }

        var allDigits = true;
        foreach (var c in word)
        {
            allDigits &= char.IsAsciiDigit(c);
        }

        if (allDigits)
        {
            return;
        }

        var lower = word.Length > MaxTermLength ? word[..MaxTermLength].ToString() : word.ToString();
        lower = lower.ToLowerInvariant();
        if (StopWords.Contains(lower))
        {
            return;
        }

        var stem = Stem(lower);
        if (!StopWords.Contains(stem))
        {
            terms.Add(stem);
        }
    }
}
