using System.Text.RegularExpressions;

namespace Dialtone.Core.Workflow;

/// <summary>When a working summary counts, and when it has gone stale. Pure.</summary>
public static partial class SummaryRules
{
    /// <summary>Empty, too short, or a placeholder ("TODO", "wip", "&lt;summary&gt;", "...").</summary>
    public static bool IsPlaceholder(string? text) => IsPlaceholder(text, minWords: 3, minLength: 12);

    /// <summary>The same rule for a tip, which may be as short as "Escape secrets.".</summary>
    public static bool IsPlaceholderTip(string? text) => IsPlaceholder(text, minWords: 2, minLength: 8);

    private static bool IsPlaceholder(string? text, int minWords, int minLength)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length < minLength || trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < minWords)
        {
            return true;
        }

        return Placeholder().IsMatch(trimmed.ToLowerInvariant());
    }

    /// <summary>
    /// Stale when the last summary (or, before the first, the start of the ticket) is older than
    /// the limit: a fresh ticket gets its first maxAge minutes without one. 0 turns it off.
    /// </summary>
    public static bool IsStale(DateTimeOffset? lastSummary, DateTimeOffset ticketCreated, DateTimeOffset now, double maxAgeMinutes) =>
        maxAgeMinutes > 0 && (now - (lastSummary ?? ticketCreated)).TotalMinutes > maxAgeMinutes;

    [GeneratedRegex(@"^(todo|tbd|wip|n/?a|none|summary|update|placeholder|lorem ipsum.*|\.+|-+|<[^>]*>|\[[^\]]*\]|(todo|tbd|wip)[:.\s].{0,20})$", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
