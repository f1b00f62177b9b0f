using System.Text.RegularExpressions;

namespace Dialtone.Core.Memory;

/// <summary>
/// What the archive is searched with: distinct terms (tokenised like the archive) and file paths
/// (the current branch's changes, and paths the text names). Pure.
/// </summary>
public sealed partial class MemoryQuery
{
    /// <summary>Beyond this many distinct terms a description is an essay; its first terms say what it is about.</summary>
    public const int MaxTerms = 64;

    public const int MaxFiles = 200;

    private static readonly char[] Separators = ['/', '\\'];

    private MemoryQuery(List<string> terms, List<string> files)
    {
        Terms = terms;
        Files = files;
    }

    public IReadOnlyList<string> Terms { get; }

    public IReadOnlyList<string> Files { get; }

    public bool IsEmpty => Terms.Count == 0 && Files.Count == 0;

    /// <summary>From free text (a ticket's name and description, a search) and the paths a branch touched.</summary>
    public static MemoryQuery From(IEnumerable<string?> texts, IEnumerable<string> touchedFiles)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var term in Tokenizer.Terms(text))
            {
                if (terms.Count < MaxTerms && seen.Add(term))
                {
                    terms.Add(term);
                }
            }

            foreach (var path in FileMentions(text))
            {
                AddFile(files, seenFiles, path);
            }
        }

        foreach (var path in touchedFiles)
        {
            AddFile(files, seenFiles, path);
        }

        return new MemoryQuery(terms, files);
    }

    /// <summary>The query of one subtask, for the tip `ticket next` shows.</summary>
    public static MemoryQuery ForSubtask(string name, string description, IEnumerable<string> conditions) =>
        From([name, description, .. conditions], []);

    /// <summary>The terms as one bound parameter: space-separated (terms never contain spaces).</summary>
    public string TermsParameter => string.Join(' ', Terms);

    /// <summary>The files as one bound parameter: newline-separated (paths with newlines are dropped).</summary>
    public string FilesParameter => string.Join('\n', Files);

    /// <summary>
    /// Paths a text names: words with a slash ("src/Payments/Stripe.cs") or a file extension
    /// ("StripeClient.cs"); URLs are not paths.
    /// </summary>
    public static IEnumerable<string> FileMentions(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        foreach (Match match in PathLike().Matches(text))
        {
            var path = match.Value.TrimEnd('.', ',', ':', ';', ')', '\'', '"', '`');
            if (path.Contains("://", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var directory = path.LastIndexOfAny(Separators);
            if (directory >= 0 ? directory < path.Length - 1 : FileWithExtension().IsMatch(path))
            {
                yield return path;
            }
        }
    }

    /// <summary>Paths are compared as git prints them: forward slashes, relative, no "./".</summary>
    public static string? NormalizePath(string path)
    {
        var normal = path.Trim().Replace('\\', '/');
        while (normal.StartsWith("./", StringComparison.Ordinal))
        {
            normal = normal[2..];
        }

        normal = normal.TrimStart('/');
        return normal.Length == 0 || normal.Contains('\n', StringComparison.Ordinal) || normal.StartsWith(".dialtone/", StringComparison.Ordinal) ? null : normal;
    }

    private static void AddFile(List<string> files, HashSet<string> seen, string path)
    {
        if (NormalizePath(path) is { } normal && files.Count < MaxFiles && seen.Add(normal))
        {
            files.Add(normal);
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9_./:\\-]*[A-Za-z0-9_][A-Za-z0-9_./\\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex PathLike();

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{2,}\.[A-Za-z][A-Za-z0-9]{0,7}\z", RegexOptions.CultureInvariant)]
    private static partial Regex FileWithExtension();
}
