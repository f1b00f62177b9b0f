using System.Globalization;

namespace Dialtone.Core.Tickets;

/// <summary>
/// How much text each stored field may hold, and that it is text. Everything stored is also printed
/// back to agents and written into records under review, so a field is refused (exit 2, the limit
/// named) rather than cut; text that was not valid UTF-8 (the runtime turns bad bytes into U+FFFD)
/// is refused rather than stored garbled. docs/cli.md lists the limits.
/// </summary>
public static class TextLimits
{
    public const int Description = 4_000;
    public const int Condition = 1_000;
    public const int Conditions = 20;
    public const int TestCommand = 4_000;
    public const int LogEntry = 8_000;
    public const int Question = 4_000;
    public const int Answer = 8_000;
    public const int Summary = 8_000;
    public const int Tip = 1_000;
    public const int AlertText = 2_000;

    /// <summary>Throws a usage error naming <paramref name="field"/> when <paramref name="value"/> is too long or not text.</summary>
    public static string Check(string field, string value, int limit)
    {
        if (value.Length > limit)
        {
            throw DialtoneError.Usage(
                string.Create(CultureInfo.InvariantCulture, $"The {field} is {value.Length:N0} characters; the limit is {limit:N0}. Nothing was recorded."),
                $"{Workflow.NextStep.Cli} --help");
        }

        if (value.Contains('\uFFFD', StringComparison.Ordinal))
        {
            throw DialtoneError.Usage(
                $"The {field} is not valid UTF-8 text (it holds bytes that do not decode). Nothing was recorded.",
                $"{Workflow.NextStep.Cli} --help");
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw DialtoneError.Usage($"The {field} contains a NUL character, which text cannot hold. Nothing was recorded.", $"{Workflow.NextStep.Cli} --help");
        }

        return value;
    }

    /// <summary>Checks every text field of a subtask.</summary>
    public static void Check(Subtask subtask)
    {
        Check($"description of '{subtask.Name}'", subtask.Description, Description);
        if (subtask.Conditions.Count > Conditions)
        {
            throw DialtoneError.Usage(
                string.Create(CultureInfo.InvariantCulture, $"Subtask '{subtask.Name}' has {subtask.Conditions.Count} test conditions; the limit is {Conditions}. Nothing was recorded."),
                $"{Workflow.NextStep.Cli} ticket subtask edit {subtask.Name} --condition \"<objective check>\"");
        }

        foreach (var condition in subtask.Conditions)
        {
            Check($"test condition of '{subtask.Name}'", condition, Condition);
        }

        if (subtask.TestCommand is { } test)
        {
            Check($"test command of '{subtask.Name}'", test, TestCommand);
        }
    }
}
