using System.Text.RegularExpressions;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// The text of an answer: short answers ("yes", "v3.2") are real, but the angle-bracket placeholder
/// Dialtone prints in its commands (`'&lt;answer&gt;'`) must never be stored as one.
/// </summary>
public static partial class AnswerText
{
    public static bool IsPlaceholder(string text) => Placeholder().IsMatch(text.Trim());

    [GeneratedRegex(@"^<[^<>]*>$", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
