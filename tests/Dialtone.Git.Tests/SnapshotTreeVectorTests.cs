using Dialtone.Tests;

namespace Dialtone.Git.Tests;

/// <summary>
/// Snapshot trees are git tree ids, so the same content always gives the same id, on any machine
/// and in any clone: the scripted repository behind tests/Dialtone.Records.Tests/Vectors has this one.
/// Signatures and validations in committed records are bound to such ids.
/// </summary>
public sealed class SnapshotTreeVectorTests
{
    private const string VectorsTree = "bac9ebe6db621e8300cae897f51b79b2af16053a";

    [Fact]
    public void TheScriptedRepository_HasTheCheckedInTree()
    {
        using var repo = new TempRepo(commit: false);
        repo.Write("README.md", "# vectors\n");
        repo.Write("src/main.c", "int main() { return 0; }\n");

        // Uncommitted, then committed, then with Dialtone's bookkeeping beside it: always the same tree.
        Assert.Equal(VectorsTree, SnapshotTree.Compute(GitRepository.Discover(repo.Path_)));
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "initial");
        repo.Write(".dialtone/tickets/vectors.json", "{}\n");
        Assert.Equal(VectorsTree, SnapshotTree.Compute(GitRepository.Discover(repo.Path_)));
        Assert.Equal(VectorsTree, SnapshotTree.OfCommit(GitRepository.Discover(repo.Path_), "HEAD"));
    }
}
