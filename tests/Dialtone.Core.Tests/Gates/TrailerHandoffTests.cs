using Dialtone.Core.Gates;

namespace Dialtone.Core.Tests.Gates;

public sealed class TrailerHandoffTests : IDisposable
{
    private readonly string gitDir = Directory.CreateTempSubdirectory("dialtone-handoff-").FullName;

    [Fact]
    public void TheCommitThatWroteIt_TakesIt_Once()
    {
        TrailerHandoff.Write(gitDir, "4242", "feature", "parse");

        Assert.Equal(("feature", "parse"), TrailerHandoff.Take(gitDir, "4242"));
        Assert.Null(TrailerHandoff.Take(gitDir, "4242"));
    }

    [Fact]
    public void AnotherCommit_GetsNothing_AndTheStaleFileIsGone()
    {
        TrailerHandoff.Write(gitDir, "4242", "feature", "parse");

        Assert.Null(TrailerHandoff.Take(gitDir, "777"));
        Assert.False(File.Exists(TrailerHandoff.PathIn(gitDir)));
    }

    [Fact]
    public void BookkeepingHandsOverTheTicketOnly()
    {
        TrailerHandoff.Write(gitDir, "1", "feature", null);

        Assert.Equal(("feature", (string?)null), TrailerHandoff.Take(gitDir, "1"));
    }

    [Fact]
    public void WithoutAGitPid_NothingIsTaken()
    {
        TrailerHandoff.Write(gitDir, "1", "feature", "parse");

        Assert.Null(TrailerHandoff.Take(gitDir, null));
    }

    public void Dispose() => Directory.Delete(gitDir, recursive: true);
}
