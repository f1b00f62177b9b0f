using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dialtone.Core.Grants;

/// <summary>
/// Grant durations as people write them: `90s`, `10m`, `1h`, `1h30m`. Whole seconds, at least
/// <see cref="Minimum"/> (short enough for tests), at most <see cref="Maximum"/>.
/// </summary>
public static partial class GrantDuration
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);

    /// <summary>The duration, or null with the reason it is not one.</summary>
    public static TimeSpan? TryParse(string? text, out string? problem)
    {
        problem = null;
        var trimmed = text?.Trim() ?? "";
        var match = Pattern().Match(trimmed);
        if (trimmed.Length == 0 || !match.Success || match.Length == 0)
        {
            problem = trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit)
                ? $"'{trimmed}' has no unit: write {trimmed}s, {trimmed}m or {trimmed}h"
                : $"'{Tickets.Names.Printable(trimmed)}' is not a duration: write e.g. 90s, 10m, 1h or 1h30m";
            return null;
        }

        long seconds = 0;
        try
        {
            seconds = checked((Part(match, "h") * 3600) + (Part(match, "m") * 60) + Part(match, "s"));
        }
        catch (OverflowException)
        {
            seconds = long.MaxValue;
        }

        if (seconds < Minimum.TotalSeconds)
        {
            problem = $"'{trimmed}' is shorter than the minimum of {Text(Minimum)}";
            return null;
        }

        if (seconds > Maximum.TotalSeconds)
        {
            problem = $"'{trimmed}' is longer than the maximum of {Text(Maximum)}";
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Parses or throws a usage error naming <paramref name="what"/>.</summary>
    public static TimeSpan Parse(string? text, string what, string? action = null) =>
        TryParse(text, out var problem) ?? throw DialtoneError.Usage($"Invalid {what}: {problem}.", action);

    /// <summary>"10 minutes", "1 hour 30 minutes", "2 seconds".</summary>
    public static string Text(TimeSpan duration)
    {
        var total = (long)Math.Round(duration.TotalSeconds);
        var parts = new List<string>();
        Add(parts, total / 3600, "hour");
        Add(parts, total % 3600 / 60, "minute");
        Add(parts, total % 60, "second");
        return parts.Count == 0 ? "0 seconds" : string.Join(' ', parts);
    }

    /// <summary>The compact form (`1h30m`, `90s` becomes `1m30s`) for commands we suggest.</summary>
    public static string Compact(TimeSpan duration)
    {
        var total = (long)Math.Round(duration.TotalSeconds);
        var text = new StringBuilder();
        if (total / 3600 > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{total / 3600}h");
        }

        if (total % 3600 / 60 > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{total % 3600 / 60}m");
        }

        if (total % 60 > 0 || text.Length == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{total % 60}s");
        }

        return text.ToString();
    }

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    private static void Add(List<string> parts, long count, string unit)
    {
        if (count > 0)
        {
            parts.Add(count == 1 ? $"1 {unit}" : $"{count} {unit}s");
        }
    }

    [GeneratedRegex(@"\A(?:(?<h>\d{1,9})h)?(?:(?<m>\d{1,9})m)?(?:(?<s>\d{1,9})s)?\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
