using System.Text.RegularExpressions;

namespace Dialtone.Core.Grants;

/// <summary>POSIX shell quoting of words, for showing an argument list as one command line.</summary>
public static partial class ShellWords
{
    public static string Quote(string word) =>
        word.Length > 0 && Plain().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    /// <summary>
    /// A command line for an [ACTION], which is one line: the placeholder when the command has a line
    /// break or another control character in it (a multi-line script) and could not be printed as one.
    /// </summary>
    public static string OneLineOr(string commandLine, string placeholder) =>
        commandLine.Any(char.IsControl) ? placeholder : commandLine;

    [GeneratedRegex(@"\A[A-Za-z0-9_@%+=:,./-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
