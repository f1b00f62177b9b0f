namespace Dialtone.Core.Output;

/// <summary>How each tag is printed: `[ticket]` is lowercase (it names the tool), the others shout.</summary>
public static class TagText
{
    public static string Of(Tag tag) => tag switch
    {
        Tag.Ticket => "[ticket]",
        Tag.Block => "[BLOCK]",
        Tag.Message => "[MESSAGE]",
        Tag.Action => "[ACTION]",
        Tag.Alert => "[ALERT]",
        Tag.Diff => "[DIFF]",
        Tag.Context => "[CONTEXT]",
        Tag.Tip => "[TIP]",
        Tag.Prompt => "[PROMPT]",
        Tag.Pass => "[PASS]",
        Tag.Fail => "[FAIL]",
        Tag.Warn => "[WARN]",
        Tag.Auth => "[AUTH]",
        Tag.Env => "[ENV]",
        Tag.Schema => "[SCHEMA]",
        _ => "",
    };

    /// <summary>The name used for the tag in --json output ("ticket", "block", …; "text" for untagged).</summary>
    public static string JsonName(Tag tag) => tag == Tag.None ? "text" : Of(tag).Trim('[', ']').ToLowerInvariant();
}
