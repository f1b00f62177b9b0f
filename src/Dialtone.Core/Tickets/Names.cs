using System.Text.RegularExpressions;

namespace Dialtone.Core.Tickets;

/// <summary>
/// Ticket and subtask names: lowercase letters, digits and dashes, 1–64 characters, starting and
/// ending with a letter or digit. They become branch names and file names, so nothing else is safe.
/// </summary>
public static partial class Names
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    /// <summary>Throws a usage error that shows a valid example, or returns the name.</summary>
    public static string Require(string? name, string kind, string example)
    {
        if (IsValid(name))
        {
            return name!;
        }

        var shown = name is null ? "(none)" : Printable(name);
        var why = name switch
        {
            null or "" => "it is empty",
            { Length: > MaxLength } => $"it is {name.Length} characters long (at most {MaxLength})",
            _ => "use only lowercase letters, digits and dashes, starting and ending with a letter or digit",
        };
        throw DialtoneError.Usage($"Invalid {kind} name '{shown}': {why}. Example: {example}", example);
    }

    /// <summary>A short, single-line, control-free rendering of user input for messages.</summary>
    public static string Printable(string text, int max = 80)
    {
        var chars = new char[Math.Min(text.Length, max)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.IsControl(text[i]) ? '?' : text[i];
        }

        var shown = new string(chars);
        return text.Length > max ? shown + "…" : shown;
    }

    [GeneratedRegex(@"\A[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
