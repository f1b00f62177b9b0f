namespace Dialtone.Core.Alerts;

/// <summary>
/// The decisions of the two streams, free of I/O. A version is a blob id, or null for "absent".
/// The rules keep one change from being reported twice: merging the base branch after
/// acknowledging its upstream alert raises no local alert, and a base-branch version the agent
/// already has (its own edits, merged back; or a merge it acknowledged locally) raises no upstream one.
/// </summary>
public static class StreamRules
{
    /// <param name="baseline">The acknowledged local version; <paramref name="hasBaseline"/> false when the doc was not watched then.</param>
    /// <param name="work">The work tree's version.</param>
    /// <param name="upstreamAcknowledged">The acknowledged upstream version of the same doc, when there is one.</param>
    /// <param name="pendingLocal">The version a pending local alert shows, when there is one.</param>
    /// <param name="pendingUpstream">The version a pending upstream alert shows, when there is one.</param>
    public static StreamDecision Local(
        bool hasBaseline,
        string? baseline,
        string? work,
        Pinned? upstreamAcknowledged,
        Pinned? pendingLocal,
        Pinned? pendingUpstream)
    {
        if (pendingLocal is { } shown && shown.Blob == work)
        {
            return StreamDecision.Nothing;
        }

        if (!hasBaseline)
        {
            return work is null ? StreamDecision.Nothing : StreamDecision.Alert;
        }

        if (work == baseline)
        {
            return StreamDecision.Nothing;
        }

        if (work is not null && upstreamAcknowledged is { } acknowledged && acknowledged.Blob == work)
        {
            return StreamDecision.Adopt;
        }

        return work is not null && pendingUpstream is { } upstream && upstream.Blob == work
            ? StreamDecision.Nothing
            : StreamDecision.Alert;
    }

    /// <param name="baseline">The acknowledged base-branch version.</param>
    /// <param name="tip">The base-branch tip's version.</param>
    /// <param name="work">The work tree's version.</param>
    /// <param name="localBaseline">The acknowledged local version, when there is one.</param>
    /// <param name="pendingUpstream">The version a pending upstream alert shows, when there is one.</param>
    /// <param name="own">Versions of the doc committed on the ticket's branch (the agent's own edits).</param>
    public static StreamDecision Upstream(
        string? baseline,
        string? tip,
        string? work,
        Pinned? localBaseline,
        Pinned? pendingUpstream,
        IReadOnlySet<string> own)
    {
        if (tip == baseline || (pendingUpstream is { } shown && shown.Blob == tip))
        {
            return StreamDecision.Nothing;
        }

        if (tip == work || (localBaseline is { } acknowledged && acknowledged.Blob == tip) || (tip is not null && own.Contains(tip)))
        {
            return StreamDecision.Adopt;
        }

        return StreamDecision.Alert;
    }

    /// <summary>A version that is known to exist as a value (so a null blob, "absent", is distinguishable from "no value").</summary>
    public readonly record struct Pinned(string? Blob);
}
