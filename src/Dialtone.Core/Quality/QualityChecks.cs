using System.Text.RegularExpressions;
using Dialtone.Core.Tickets;

namespace Dialtone.Core.Quality;

/// <summary>
/// The checks `ticket next` makes before it runs anything: vague conditions warn,
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

    // Where a command word starts: line start, after ; & | ( { ! or a command substitution, after a
    // shell keyword or wrapper (then, do, else, env, time, …), and past any VAR=value assignments.
    private const string At = @"(?:^|[;&|(`\n{!]|\$\(|\b(?:then|do|else|elif|exec|env|time|nohup|xargs|command)\s)\s*(?:\w+=\S*\s+)*";

    private static readonly (Regex Pattern, string Reason)[] UnsafePatterns =
    [
        (Unsafe(At + @"(sudo|su|doas)\b"), "it runs a command as another user (sudo/su)"),
        (Unsafe(@"\brm\s+(-[a-zA-Z]+\s+)*[^;&|<>\n]*?(^|\s)[""']?(/|~|\$HOME|\$\{HOME\}|\.\.)[""']?(/|\s|$|[;&|])"), "it deletes files outside the repository"),
        (Unsafe(@"\brm\s+(-[a-zA-Z]+\s+)*[^;&|<>\n]*?\s[""']?/[^\s;&|<>]"), "it deletes files by absolute path, outside the repository's control"),
        (Unsafe(@"\bgit(\s+(-C|-c|--git-dir|--work-tree|--namespace)\s+\S+|\s+--?[a-zA-Z-]+(=\S+)?)*\s+push\b"), "it pushes to a remote"),
        (Unsafe(@"\bgit(\s+(-C|-c|--git-dir|--work-tree|--namespace)\s+\S+|\s+--?[a-zA-Z-]+(=\S+)?)*\s+config\b(?![^;&|]*\s(--get|--get-all|--list|-l|--get-regexp)\b)"), "it edits git config"),
        (Unsafe(@"\b(curl|wget)\b[^;&]*\|\s*(sudo\s+)?(ba|z|da|k)?sh\b"), "it pipes a download into a shell"),
        (Unsafe(@"(\b(ba|z|da|k)?sh\s+(-\w+\s+)*|\beval\s+|\bsource\s+|(^|[;&|\s])\.\s+)[""']?\s*(<\(|\$\(|`)\s*(curl|wget)\b"), "it runs a download with a shell"),
        (Unsafe(At + @"(mkfs(\.\w+)?|shutdown|reboot|halt|poweroff)\b"), "it changes the machine (filesystems, power)"),
        (Unsafe(@"\bdd\b[^;&|]*\bof=/dev/"), "it writes to a device"),
        (Unsafe(@":\(\)\s*\{\s*:\|:&\s*\};:"), "it is a fork bomb"),
        (Unsafe(@"\bchmod\s+(-[a-zA-Z]+\s+)*[0-7]*\s+/(\s|$)"), "it changes permissions of /"),

        // Snapshot trees leave .dialtone/ out, so a test that reads from there could change after it was signed.
        (Unsafe(@"(^|[\s""'=/;&|(<>])\.dialtone(/|\s|$)"), "it uses files under .dialtone/, which signatures do not cover (a test there could change after it was signed)"),
    ];

    private static Regex Unsafe(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Multiline);

    [GeneratedRegex(@"\b(looks?\s+(good|correct|right|fine|ok|okay|nice|better)|works?(\s+(fine|well|correctly|properly))?|seems?\b|should\s+(work|be\s+fine|be\s+ok)|is\s+(correct|right|fine|good|ok|okay|better|nice)|properly|as\s+expected|correctly|fine|nice|clean(er)?|better|good\s+enough|no\s+issues)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Vague();

    // Anchors that make a condition checkable: exit codes, numbers, quoted output, files, named checks.
    [GeneratedRegex(@"\bexits?\b|\bexit\s+code\b|\d|[""'`]|\breturns?\b|\bprints?\b|\bcontains?\b|\bpass(es)?\b|\bfails?\b|\bequals?\b|\bmatch(es)?\b|\bhttp\b|\bstatus\b|\breports?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Objective();
}
