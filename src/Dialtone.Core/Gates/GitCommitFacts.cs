using System.Text;
using Dialtone.Core.Config;
using Dialtone.Git;

namespace Dialtone.Core.Gates;

/// <summary>
/// The commit gate's facts read from git, each on first use. In a hook the repository must be
/// ambient, so "staged" means the index git is about to commit (`git commit -a` and partial commits
/// use a temporary index named by GIT_INDEX_FILE).
/// </summary>
public sealed class GitCommitFacts : ICommitFacts
{
    private readonly GitRepository repository;

    // Every verdict asks about the config: read it on the second core while the gate asks git the rest.
    private readonly Task<ConfigChange?> config;
    private MergeHead? merge;
    private string? stagedTree;
    private IReadOnlyList<TreeChange>? stagedChanges;
    private string? workTree;

    public GitCommitFacts(GitRepository repository)
    {
        this.repository = repository;
        config = Task.Run(() => ReadConfig(repository));
    }

    public MergeHead Merge => merge ??= MergeHead.Read(repository);

    public ConfigChange? StagedConfig => config.GetAwaiter().GetResult();

    public string? ConfigAt(string commit) => repository.BlobText($"{commit}:{DialtoneConfig.RelativePath}");

    public string StagedTree => stagedTree ??= StagedTreeOf(repository);

    public IReadOnlyList<TreeChange> StagedChanges => stagedChanges ??= StagedSnapshot.Changes(repository);

    public string WorkTreeSnapshot => workTree ??= WorkTreeTreeOf(repository);

    public IReadOnlyList<TreeChange> ChangedSince(string tree) => SnapshotTree.Diff(repository, tree, StagedTree);

    // Before the staged tree is known, git compares the index with the tree directly (paths only).
    public bool StagedEquals(string tree) => stagedTree is not null ? stagedTree == tree : StagedSnapshot.TreeEquals(repository, tree);

    /// <summary>The index's tree without .dialtone/ (what the commit would record).</summary>
    public static string StagedTreeOf(GitRepository repository) => StagedSnapshot.Tree(repository);

    /// <summary>The working tree's snapshot tree, equal to SnapshotTree.Compute's.</summary>
    public static string WorkTreeTreeOf(GitRepository repository) => StagedSnapshot.WorkTree(repository);

    private static ConfigChange? ReadConfig(GitRepository repository)
    {
        var path = DialtoneConfig.RelativePath;
        var blobs = repository.BlobsBytes([$"HEAD:{path}", $":{path}"]);
        var head = Text(blobs[0]);
        var staged = Text(blobs[1]);
        return head == staged ? null : new ConfigChange(head, staged);
    }

    private static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);
}
