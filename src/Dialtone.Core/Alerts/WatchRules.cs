namespace Dialtone.Core.Alerts;

/// <summary>
/// Which files are watched design docs: the configured patterns (or the defaults), plus patterns
/// added with `ticket watch add`, minus paths and patterns removed with `ticket watch rm`. Patterns
/// are globs (`*`, `?`, `**/`, `{a,b}`), matched case-insensitively from the repository root, and
/// handed to git as pathspecs so git does the matching. `.dialtone/` is never watched.
/// </summary>
public static class WatchRules
{
    public static readonly IReadOnlyList<string> Defaults =
    [
        "docs/**/*.md",
        "**/*spec*.{md,yaml,yml,json}",
        "**/*openapi*.{yaml,yml,json}",
        "**/*swagger*.{yaml,yml,json}",
    ];

    /// <summary>One watched pattern and where it comes from: default, config or added.</summary>
    public sealed record Rule(string Pattern, string Source);

    /// <summary>The effective watch list.</summary>
    public sealed record WatchSet(IReadOnlyList<Rule> Includes, IReadOnlyList<string> Excludes)
    {
        public bool IsEmpty => Includes.Count == 0;

        /// <summary>The git pathspecs: every include (braces expanded), every exclude, and .dialtone/ excluded.</summary>
        public IReadOnlyList<string> Pathspecs()
        {
            var specs = new List<string>();
            foreach (var rule in Includes)
            {
                specs.AddRange(ExpandBraces(rule.Pattern).Select(p => ":(glob,icase)" + p));
            }

            foreach (var exclude in Excludes)
            {
                specs.AddRange(ExpandBraces(exclude).Select(p => ":(exclude,glob,icase)" + p));
            }

            specs.Add(":(exclude).dialtone/");
            return specs;
        }
    }

    public static WatchSet Effective(IReadOnlyList<string>? configured, IEnumerable<WatchEntry> stored)
    {
        var includes = new List<Rule>();
        var source = configured is null ? "default" : "config";
        foreach (var pattern in configured ?? Defaults)
        {
            includes.Add(new Rule(Normalize(pattern), source));
        }

        var excludes = new List<string>();
        foreach (var entry in stored)
        {
            if (entry.Exclude)
            {
                excludes.Add(entry.Pattern);
            }
            else if (!includes.Exists(r => r.Pattern == entry.Pattern))
            {
                includes.Add(new Rule(entry.Pattern, "added"));
            }
        }

        // An excluded pattern that is exactly an include switches that include off.
        includes.RemoveAll(r => excludes.Contains(r.Pattern));
        return new WatchSet(includes, excludes);
    }

    /// <summary>Trims, turns backslashes into slashes and drops a leading "./".</summary>
    public static string Normalize(string pattern)
    {
        var text = pattern.Trim().Replace('\\', '/');
        while (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        return text;
    }

    /// <summary>Why a pattern cannot be watched, or null when it can.</summary>
    public static string? Problem(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "the pattern is empty";
        }

        if (pattern.StartsWith('/') || (pattern.Length > 1 && pattern[1] == ':'))
        {
            return "it is an absolute path; give it relative to the repository root";
        }

        if (pattern.StartsWith(':'))
        {
            return "it starts with ':' (git pathspec magic is not accepted)";
        }

        if (pattern.Split('/').Contains(".."))
        {
            return "it leaves the repository ('..')";
        }

        if (pattern.Any(char.IsControl))
        {
            return "it contains control characters";
        }

        return pattern.Count(c => c == '{') != pattern.Count(c => c == '}') ? "its braces do not balance" : null;
    }

    /// <summary>"**/*spec*.{md,yaml}" → "**/*spec*.md", "**/*spec*.yaml" (nested braces too; git globs have none).</summary>
    public static IReadOnlyList<string> ExpandBraces(string pattern)
    {
        var open = pattern.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return [pattern];
        }

        var depth = 0;
        var close = -1;
        var cuts = new List<int>();
        for (var i = open; i < pattern.Length; i++)
        {
            if (pattern[i] == '{')
            {
                depth++;
            }
            else if (pattern[i] == '}' && --depth == 0)
            {
                close = i;
                break;
            }
            else if (pattern[i] == ',' && depth == 1)
            {
                cuts.Add(i);
            }
        }

        if (close < 0)
        {
            return [pattern];
        }

        var head = pattern[..open];
        var tail = pattern[(close + 1)..];
        var result = new List<string>();
        var start = open + 1;
        foreach (var cut in cuts.Append(close))
        {
            foreach (var expanded in ExpandBraces(head + pattern[start..cut] + tail))
            {
                if (!result.Contains(expanded))
                {
                    result.Add(expanded);
                }
            }

            start = cut + 1;
        }

        return result;
    }
}
