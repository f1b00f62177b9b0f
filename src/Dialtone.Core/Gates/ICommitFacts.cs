using Dialtone.Git;

namespace Dialtone.Core.Gates;

/// <summary>
/// What the commit gate needs to know about git. Read on demand, in the order the rule asks, so
/// the common case (the staged tree is signed) costs the fewest git processes.
/// </summary>
public interface ICommitFacts
{
    /// <summary>What MERGE_HEAD names, and whether that makes this commit a real merge.</summary>
    MergeHead Merge { get; }

    /// <summary>
    /// `.dialtone/config.json` in HEAD and in what the commit would record, when they differ; null
    /// when the commit leaves it as it is (one git process for both).
    /// </summary>
    ConfigChange? StagedConfig { get; }

    /// <summary>`.dialtone/config.json` as <paramref name="commit"/> has it; null when it has none.</summary>
    string? ConfigAt(string commit);

    /// <summary>The tree the commit would record, .dialtone/ excluded.</summary>
    string StagedTree { get; }

    /// <summary>
    /// Whether the commit would record exactly <paramref name="tree"/> outside .dialtone/: the same
    /// answer as comparing with <see cref="StagedTree"/>, asked first because it costs one git
    /// process instead of three.
    /// </summary>
    bool StagedEquals(string tree);

    /// <summary>What the commit changes outside .dialtone/ relative to HEAD (everything staged on an unborn branch).</summary>
    IReadOnlyList<TreeChange> StagedChanges { get; }

    /// <summary>The snapshot tree of the working tree now, to tell "not staged" from "changed since signing".</summary>
    string WorkTreeSnapshot { get; }

    /// <summary>Paths that differ between <paramref name="tree"/> and the staged tree.</summary>
    IReadOnlyList<TreeChange> ChangedSince(string tree);
}
