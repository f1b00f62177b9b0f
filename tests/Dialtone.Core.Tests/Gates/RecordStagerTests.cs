using System.Text;
using Dialtone.Core.Gates;
using Dialtone.Tests;

namespace Dialtone.Core.Tests.Gates;

public sealed class RecordStagerTests
{
    [Fact]
    public void BlobId_IsGitsObjectId()
    {
        using var repo = new TempRepo();
        var content = "{\n  \"format\": 1\n}\n";
        repo.Write("x.json", content);

        Assert.Equal(repo.Git("hash-object", "x.json"), RecordStager.BlobId(Encoding.UTF8.GetBytes(content), 40));
    }

    [Fact]
    public void StagesTheRecord_OnlyWhenItDiffersFromTheIndex()
    {
        using var repo = new TempRepo();
        repo.Write(".dialtone/tickets/feature.json", "{}\n");
        repo.Write("unrelated.txt", "not staged by the gate\n");
        var repository = Git.GitRepository.Discover(repo.Path_);

        Assert.True(RecordStager.StageIfChanged(repository, "feature"));
        Assert.False(RecordStager.StageIfChanged(repository, "feature"));

        repo.Write(".dialtone/tickets/feature.json", "{ }\n");
        Assert.True(RecordStager.StageIfChanged(repository, "feature"));
        Assert.Equal("A  .dialtone/tickets/feature.json\n?? unrelated.txt", repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void NoRecordInTheWorkTree_NothingIsStaged()
    {
        using var repo = new TempRepo();

        Assert.False(RecordStager.StageIfChanged(Git.GitRepository.Discover(repo.Path_), "feature"));
    }
}
