using System.Text;
using Dialtone.Tests;

namespace Dialtone.Git.Tests;

public sealed class GitObjectsTests
{
    [Fact]
    public void BlobIdAt_IsTheCommittedBlob_NullWhenAbsent()
    {
        using var repo = new TempRepo();
        var git = GitRepository.Discover(repo.Path_);

        Assert.Equal(repo.Git("hash-object", "README.md"), git.BlobIdAt("HEAD", "README.md"));
        Assert.Null(git.BlobIdAt("HEAD", "missing.md"));
        Assert.Null(git.BlobIdAt("no-such-branch", "README.md"));
    }

    [Fact]
    public void BlobBytes_ByIdOrRevisionPath_ExactBytes()
    {
        using var repo = new TempRepo();
        var content = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'h', 0, 0xFF, (byte)'\n', (byte)'\n' };
        File.WriteAllBytes(Path.Combine(repo.Path_, "data.bin"), content);
        repo.Commit("binary");
        var id = repo.Git("rev-parse", "HEAD:data.bin");
        var git = GitRepository.Discover(repo.Path_);

        Assert.Equal(content, git.BlobBytes(id));
        Assert.Equal(content, git.BlobBytes("HEAD:data.bin"));
        Assert.Equal("# test repo\n", git.BlobText("HEAD:README.md"));
    }

    [Fact]
    public void BlobBytes_NullForMissingObjects_Trees_AndUnbornHead()
    {
        using var repo = new TempRepo();
        repo.Write("dir/file.txt", "x\n");
        repo.Commit("a directory");
        var git = GitRepository.Discover(repo.Path_);

        Assert.Null(git.BlobBytes("HEAD:missing.txt"));
        Assert.Null(git.BlobBytes("0123456789012345678901234567890123456789"));
        Assert.Null(git.BlobBytes("HEAD:dir"));
        Assert.Null(git.BlobBytes("HEAD:dir/file.txt\nHEAD:README.md"));

        using var unborn = new TempRepo("unborn", commit: false);
        Assert.Null(GitRepository.Discover(unborn.Path_).BlobText("HEAD:README.md"));
    }

    [Fact]
    public void BlobText_IsUtf8()
    {
        using var repo = new TempRepo();
        repo.Write("ü.md", "grüße\n");
        repo.Commit("unicode");

        Assert.Equal("grüße\n", GitRepository.Discover(repo.Path_).BlobText("HEAD:ü.md"));
        Assert.Equal(Encoding.UTF8.GetBytes("grüße\n"), GitRepository.Discover(repo.Path_).BlobBytes("HEAD:ü.md"));
    }
}
