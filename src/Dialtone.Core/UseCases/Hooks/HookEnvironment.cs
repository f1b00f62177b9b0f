using Dialtone.Core.Gates;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// What git and the shim tell a hook run through the environment, read by the front end and passed
/// in, and where the hook's side remarks go (stderr, for the CLI): the verdict is the reply.
/// </summary>
public sealed record HookEnvironment
{
    /// <summary>DIALTONE=0: every Dialtone hook is switched off, loudly.</summary>
    public bool Disabled { get; init; }

    /// <summary>DIALTONE_GIT_PID: the `git commit` process that ran the shim; keys the trailer handoff.</summary>
    public string? GitPid { get; init; }

    /// <summary>DIALTONE_GATE_NOTE: what the post-commit shim found in pre-commit's note before it called dialtone.</summary>
    public NoteFinding NoteFinding { get; init; }

    /// <summary>Where evidence the hook records gets its time.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>GIT_DIR, GIT_INDEX_FILE, …: the repository and index git runs the hook for.</summary>
    public GitEnvironment Git { get; init; } = GitEnvironment.None;

    /// <summary>One decision, for DIALTONE_DEBUG=1; nowhere otherwise.</summary>
    public Action<string> Explain { get; init; } = _ => { };

    /// <summary>A line the user sees beside the verdict whatever the switches (a skipped check).</summary>
    public Action<string> Notice { get; init; } = _ => { };

    /// <summary>
    /// The repository git is running the hook for, with its GIT_DIR and GIT_INDEX_FILE: `git commit -a`
    /// and partial commits stage into a temporary index only the environment names.
    /// </summary>
    public GitRepository Repository(string directory)
    {
        try
        {
            return GitRepository.Discover(directory, Git);
        }
        catch (NotARepositoryException ex)
        {
            throw Workspace.NoWorkTree(ex);
        }
    }
}
