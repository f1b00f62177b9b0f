using System.Text.RegularExpressions;
using Dialtone.Core.Tickets;

namespace Dialtone.Core.Quality;

/// <summary>
/// The checks `ticket next` makes before it runs anything (DESIGN §4): vague conditions warn,
/// unsafe test commands block, long-running subtasks warn. Pure text rules, no I/O.
/// </summary>
public static partial class QualityChecks
{
    /// <summary>Conditions that cannot be checked objectively ("looks correct", "works").</summary>
    public static List<string> VagueConditions(Subtask subtask) =>
        subtask.Conditions.Where(IsVague).ToList();

    public static bool IsVague(string condition)
    {
        var text = condition.Trim().ToLowerInvariant();
        return Vague().IsMatch(text) && !Objective().IsMatch(text);
    }

    /// <summary>Why a test command is unsafe to run (and re-run), or null when nothing is wrong.</summary>
    public static string? UnsafeReason(string command)
    {
        foreach (var (pattern, reason) in UnsafePatterns)
        {
            if (pattern.IsMatch(command))
            {
                return reason;
            }
        }

        return null;
    }

    public static bool RunsTooLong(Subtask subtask, DateTimeOffset now, double maxMinutes) =>
        maxMinutes > 0 && subtask.Status == SubtaskStatus.Progress && subtask.StartedAt is { } started
        && (now - started).TotalMinutes > maxMinutes;

    private static readonly (Regex Pattern, string Reason)[] UnsafePatterns =
    [
        (new Regex(@"(^|[;&|(`]\s*|\s)(sudo|su|doas)\s", RegexOptions.CultureInvariant), "it runs a command as another user (sudo/su)"),
        (new Regex(@"\brm\s+(-[a-zA-Z]*\s+)*[^;&|]*(\s|^)(/|~|\$HOME|\$\{HOME\}|\.\.)(/|\s|$|[;&|])", RegexOptions.CultureInvariant), "it deletes files outside the repository"),
        (new Regex(@"\brm\s+(-[a-zA-Z]*\s+)*[^;&|]*\s/[^\s;&|]", RegexOptions.CultureInvariant), "it deletes files by absolute path, outside the repository's control"),
        (new Regex(@"\bgit\s+(\S+\s+)*push\b", RegexOptions.CultureInvariant), "it pushes to a remote"),
        (new Regex(@"\bgit\s+(-c\s+\S+\s+)*config\b(?![^;&|]*\s(--get|--get-all|--list|-l|--get-regexp)\b)", RegexOptions.CultureInvariant), "it edits git config"),
        (new Regex(@"\b(curl|wget)\b[^;&]*\|\s*(sudo\s+)?(ba|z|da|k)?sh\b", RegexOptions.CultureInvariant), "it pipes a download into a shell"),
        (new Regex(@"\b(mkfs(\.\w+)?|shutdown|reboot|halt|poweroff)\b", RegexOptions.CultureInvariant), "it changes the machine (filesystems, power)"),
        (new Regex(@"\bdd\b[^;&|]*\bof=/dev/", RegexOptions.CultureInvariant), "it writes to a device"),
        (new Regex(@":\(\)\s*\{\s*:\|:&\s*\};:", RegexOptions.CultureInvariant), "it is a fork bomb"),
        (new Regex(@"\bchmod\s+(-[a-zA-Z]+\s+)*[0-7]*\s+/(\s|$)", RegexOptions.CultureInvariant), "it changes permissions of /"),
    ];

    [GeneratedRegex(@"\b(looks?\s+(good|correct|right|fine|ok|okay|nice|better)|works?(\s+(fine|well|correctly|properly))?|seems?\b|should\s+(work|be\s+fine|be\s+ok)|is\s+(correct|right|fine|good|ok|okay|better|nice)|properly|as\s+expected|correctly|fine|nice|clean(er)?|better|good\s+enough|no\s+issues)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Vague();

    // Anchors that make a condition checkable: exit codes, numbers, quoted output, files, named checks.
    [GeneratedRegex(@"\bexits?\b|\bexit\s+code\b|\d|[""'`]|\breturns?\b|\bprints?\b|\boutputs?\b|\bcontains?\b|\bfile\b|\bexists?\b|\bpass(es)?\b|\bfails?\b|\btests?\b|\bequals?\b|\bmatch(es)?\b|\bstatus\b|\bhttp\b", RegexOptions.CultureInvariant)]
    private static partial Regex Objective();
}
