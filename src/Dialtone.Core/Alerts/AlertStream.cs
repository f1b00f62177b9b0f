namespace Dialtone.Core.Alerts;

/// <summary>
/// The two streams of a watched doc (docs/alerts.md). Local: the acknowledged version of a doc against the work tree
/// (someone edited it under the agent). Upstream: the base branch's acknowledged version against
/// the base branch's tip (so the agent's own edits on its branch never count).
/// </summary>
public enum AlertStream
{
    Local,
    Upstream,
}
