using Dialtone.Git;
using Dialtone.Records.Gate;

namespace Dialtone.MSBuild;

/// <summary>The build gate's questions to git, answered through Dialtone.Git for the task.</summary>
internal sealed class GitFacts(string topLevel) : IGateGit
{
    private readonly Lazy<GitRepository> repository = new(() => GitRepository.Discover(topLevel, timeout: TimeSpan.FromSeconds(30)));

    public string SnapshotTree() => Ask(() => Git.SnapshotTree.Compute(repository.Value));

    public IReadOnlyList<string> ChangedPaths(string fromTree, string toTree) =>
        Ask(() => Git.SnapshotTree.Diff(repository.Value, fromTree, toTree).Select(c => c.Path).ToList());

    public IReadOnlyList<string> RecentTicketTrailers() => Ask(() => repository.Value.RecentTrailerValues("HEAD", "Dialtone-Ticket", 200));

    private static T Ask<T>(Func<T> question)
    {
        try
        {
            return question();
        }
        catch (GitException ex)
        {
            throw new GateGitException(ex.Message, ex);
        }
    }
}
