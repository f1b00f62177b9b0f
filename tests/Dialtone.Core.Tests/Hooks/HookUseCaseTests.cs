using Dialtone.Core.Gates;
using Dialtone.Core.UseCases.Hooks;
using Dialtone.Git;
using Dialtone.Tests;

namespace Dialtone.Core.Tests.Hooks;

/// <summary>The hook use case with its environment passed in: no process variables, remarks collected.</summary>
public sealed class HookUseCaseTests
{
    private readonly List<string> explained = [];
    private readonly List<string> notices = [];

    [Fact]
    public void UnknownHook_IsAUsageError()
    {
        var error = Assert.Throws<DialtoneError>(() => HookUseCase.Run("/nonexistent", "pre-push", [], Environment()));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains("Unknown hook 'pre-push'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_SaysSo_AndTouchesNothing()
    {
        var reply = HookUseCase.Run("/nonexistent", "pre-commit", [], Environment() with { Disabled = true });

        Assert.Empty(reply.Lines);
        Assert.Equal(ExitCodes.Ok, reply.ExitCode);
        Assert.Equal(["dialtone: DIALTONE=0, pre-commit checks skipped."], notices);
    }

    [Fact]
    public void PreCommit_OnABranchWithoutTicket_PassesSilently()
    {
        using var repo = new TempRepo();

        var reply = HookUseCase.Run(repo.Path_, "pre-commit", [], Environment());

        Assert.Empty(reply.Lines);
        Assert.Equal(ExitCodes.Ok, reply.ExitCode);
        Assert.Contains(explained, e => e.Contains("no ticket branch", StringComparison.Ordinal));
    }

    [Fact]
    public void PrepareCommitMessage_AddsTheTrailersOfThisCommitOnly()
    {
        using var repo = new TempRepo();
        var gitDir = Path.Combine(repo.Path_, ".git");
        var message = repo.Write("MSG", "Do the thing\n");

        TrailerHandoff.Write(gitDir, "4242", "feature", "parse");
        HookUseCase.Run(repo.Path_, "prepare-commit-msg", ["MSG"], Environment() with { GitPid = "4242" });
        Assert.Equal("Do the thing\n\nDialtone-Ticket: feature\nDialtone-Subtask: parse\n", File.ReadAllText(message));

        File.WriteAllText(message, "Another\n");
        TrailerHandoff.Write(gitDir, "4242", "feature", "parse");
        HookUseCase.Run(repo.Path_, "prepare-commit-msg", ["MSG"], Environment() with { GitPid = "777" });
        Assert.Equal("Another\n", File.ReadAllText(message));
        Assert.Contains("no commit gate passed in this commit: no trailers", explained);
    }

    [Fact]
    public void CommitMsg_HasNothingToDo()
    {
        var reply = HookUseCase.Run("/nonexistent", "commit-msg", [], Environment());

        Assert.Empty(reply.Lines);
        Assert.Equal(["nothing to check in commit-msg yet"], explained);
    }

    private HookEnvironment Environment() => new()
    {
        Git = GitEnvironment.None,
        Explain = explained.Add,
        Notice = notices.Add,
    };
}
