using Dialtone.Core.Gates;
using Dialtone.Git;

namespace Dialtone.Core.Tests.Gates;

/// <summary>
/// Commit facts as plain values, for the pure rule. Facts left null throw when read, which proves
/// the rule did not need them (each one costs git processes in a real commit).
/// </summary>
public sealed class FixedFacts : ICommitFacts
{
    public MergeHead MergeState { get; init; } = MergeHead.None;

    public ConfigChange? Config { get; init; }

    public Dictionary<string, string?> ConfigOf { get; init; } = [];

    public string? Staged { get; init; }

    public IReadOnlyList<TreeChange>? FromHead { get; init; }

    public string? WorkTree { get; init; }

    public Dictionary<string, IReadOnlyList<TreeChange>> Since { get; init; } = [];

    public MergeHead Merge => MergeState;

    public ConfigChange? StagedConfig => Config;

    public string? ConfigAt(string commit) =>
        ConfigOf.TryGetValue(commit, out var text) ? text : throw new InvalidOperationException($"the config of {commit} was not expected to be read");

    public string StagedTree => Staged ?? throw new InvalidOperationException("the staged tree was not expected to be read");

    public IReadOnlyList<TreeChange> StagedChanges => FromHead ?? throw new InvalidOperationException("the staged changes were not expected to be read");

    public string WorkTreeSnapshot => WorkTree ?? throw new InvalidOperationException("the work tree was not expected to be read");

    public bool StagedEquals(string tree) => StagedTree == tree;

    public IReadOnlyList<TreeChange> ChangedSince(string tree) =>
        Since.TryGetValue(tree, out var changes) ? changes : throw new InvalidOperationException($"no diff from {tree} was expected");
}
