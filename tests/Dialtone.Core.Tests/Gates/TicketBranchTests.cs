using Dialtone.Core.EvidenceFiles;
using Dialtone.Core.Gates;
using Dialtone.Core.Storage;
using Dialtone.Git;
using Dialtone.Tests;

namespace Dialtone.Core.Tests.Gates;

/// <summary>A ticket branch is known without its record: by the marker, the committed record, or its own trailers.</summary>
public sealed class TicketBranchTests
{
    private const string Record = ".dialtone/tickets/feature.json";

    private const string MinimalRecord = """{"format":2,"ticket":"feature","branch":"feature","status":"open","revision":1,"subtasks":[],"attestations":[],"evidence":[]}""";

    [Fact]
    public void OrdinaryBranch_IsNotOne()
    {
        using var repo = new TempRepo();
        var reasons = new List<string>();

        Assert.Null(TicketBranch.Find(GitRepository.Discover(repo.Path_), reasons.Add));
        Assert.Contains(reasons, r => r.EndsWith("no ticket branch", StringComparison.Ordinal));
    }

    [Fact]
    public void Marker_MakesItOne_WithoutTheRecord_AndTicketStatusRestores()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "feature");
        var git = GitRepository.Discover(repo.Path_);
        BranchMarker.Ensure(StorePaths.ForCommonDir(git.CommonDir).Directory, "feature", "feature");

        var branch = TicketBranch.Find(git);

        Assert.NotNull(branch);
        Assert.Null(branch.Ticket);
        Assert.Equal(TicketBranchSource.Marker, branch.Source);
        Assert.Equal("./dialtone.sh ticket status", branch.RestoreAction(git));
    }

    [Fact]
    public void CommittedRecord_MakesItOne_AndIsCheckedOutFromHead()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "feature");
        repo.Write(Record, MinimalRecord);
        repo.Commit("plan");
        File.Delete(Path.Combine(repo.Path_, Record));
        var git = GitRepository.Discover(repo.Path_);

        var branch = TicketBranch.Find(git)!;

        Assert.Equal(TicketBranchSource.CommittedRecord, branch.Source);
        Assert.Equal($"git checkout HEAD -- {Record}", branch.RestoreAction(git));
    }

    [Fact]
    public void OwnTrailer_MakesItOne_AndTheRecordComesBackFromBeforeItWasRemoved()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "feature");
        repo.Write(Record, MinimalRecord);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "plan", "-m", "Dialtone-Ticket: feature");
        repo.Git("rm", "-q", Record);
        repo.Git("commit", "-q", "-m", "drop it");
        var removal = repo.Git("rev-parse", "HEAD");
        var git = GitRepository.Discover(repo.Path_);

        var branch = TicketBranch.Find(git)!;

        Assert.Equal(TicketBranchSource.Trailer, branch.Source);
        Assert.Equal($"git checkout {removal[..12]}~1 -- {Record}", branch.RestoreAction(git));
    }

    [Fact]
    public void AnotherTicketsTrailer_DoesNotMakeABranchMadeFromItOne()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "feature");
        repo.Git("commit", "-q", "--allow-empty", "-m", "plan", "-m", "Dialtone-Ticket: feature");
        repo.Git("switch", "-q", "-c", "feature-2");

        Assert.Null(TicketBranch.Find(GitRepository.Discover(repo.Path_)));
    }

    [Fact]
    public void Trailers_AreSearchedOnlySoFarBack()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "feature");
        repo.Git("commit", "-q", "--allow-empty", "-m", "plan", "-m", "Dialtone-Ticket: feature");
        EmptyCommits(repo, "feature", TicketBranch.TrailerDepth);

        var git = GitRepository.Discover(repo.Path_);
        Assert.Null(TicketBranch.Find(git));
        repo.Git("reset", "-q", "--hard", "HEAD~1");
        Assert.Equal(TicketBranchSource.Trailer, TicketBranch.Find(git)!.Source);
    }

    [Fact]
    public void Identify_WithoutGit_SeesOnlyRecordAndMarker()
    {
        using var repo = new TempRepo();
        repo.Git("switch", "-q", "-c", "feature");
        repo.Git("commit", "-q", "--allow-empty", "-m", "plan", "-m", "Dialtone-Ticket: feature");
        var git = GitRepository.Discover(repo.Path_);

        Assert.Null(TicketBranch.Identify(git, "feature", lookInGit: false));
        Assert.Equal(TicketBranchSource.Trailer, TicketBranch.Identify(git, "feature", lookInGit: true));
        repo.Write(Record, MinimalRecord);
        Assert.Equal(TicketBranchSource.Record, TicketBranch.Identify(git, "feature", lookInGit: false));
    }

    /// <summary>Many commits in one git process (fast-import), on top of <paramref name="branch"/>.</summary>
    private static void EmptyCommits(TempRepo repo, string branch, int count)
    {
        var stream = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var message = $"work {i}\n";
            stream.Append($"commit refs/heads/{branch}\ncommitter T <t@example.com> 1700000000 +0000\ndata {message.Length}\n{message}");
            if (i == 0)
            {
                stream.Append($"from refs/heads/{branch}^0\n");
            }

            stream.Append('\n');
        }

        var file = repo.Write("../fast-import.txt", stream.ToString());
        var outcome = ChildProcess.Run("sh", repo.Path_, ["-c", "git fast-import --quiet --force < \"$1\"", "sh", file], null, TimeSpan.FromSeconds(60));
        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        repo.Git("reset", "-q", "--hard", branch);
    }
}
