namespace Dialtone.Core.Output;

/// <summary>
/// The tags of the output contract (docs/cli.md). Agents parse these; adding or renaming one is an
/// interface change. <see cref="None"/> marks an untagged detail line (indented list rows, prose).
/// </summary>
public enum Tag
{
    None,
    Ticket,
    Block,
    Message,
    Action,
    Alert,
    Diff,
    Context,
    Tip,
    Prompt,
    Pass,
    Fail,
    Warn,
    Auth,
    Env,
    Schema,
}
