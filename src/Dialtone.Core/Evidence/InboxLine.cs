using System.Globalization;

namespace Dialtone.Core.EvidenceFiles;

/// <summary>
/// One line of the evidence inbox, as a shim writes it in sh: tab-separated
/// `&lt;UTC time&gt; &lt;kind&gt; &lt;branch&gt; &lt;hook&gt; &lt;commit&gt; &lt;subject&gt;`. The commit is HEAD when the hook
/// ran (empty on an unborn branch); the subject is that commit's, for post-commit lines, and last so
/// that a tab in it cannot shift the other fields. A line is a report, not a fact: the ticket gets
/// the sentence Dialtone writes from it.
/// </summary>
public sealed record InboxLine(DateTimeOffset At, string Kind, string Branch, string Hook, string Commit, string Subject)
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public string ShortCommit => Commit.Length > 7 ? Commit[..7] : Commit;

    public string Format() => string.Join(
        '\t',
        At.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
        Clean(Kind),
        Clean(Branch),
        Clean(Hook),
        Clean(Commit),
        Clean(Subject)) + "\n";

    /// <summary>The line, or null when it is not one (a torn write, a hand edit): such lines are dropped.</summary>
    public static InboxLine? Parse(string line)
    {
        var fields = line.TrimEnd('\r').Split('\t');
        if (fields.Length < 5 || fields[1].Length == 0 || fields[2].Length == 0
            || !DateTimeOffset.TryParseExact(fields[0], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return null;
        }

        var subject = fields.Length > 5 ? string.Join(' ', fields[5..]) : "";
        return new InboxLine(at, fields[1], fields[2], fields[3], fields[4], subject);
    }

    private static string Clean(string value) => value.Replace('\t', ' ').ReplaceLineEndings(" ");
}
