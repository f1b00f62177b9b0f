using Dialtone.Cli.Tests.Hooks;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Verify;

/// <summary>
/// A ticket worked the honest way, through the installed hooks: the human commits policy on main
/// (a 30 s test timeout), the agent starts `feature` with two subtasks, and for each one implements,
/// runs `ticket next`, SIGNs and commits through the commit gate; then validates and commits the
/// record. `greet` (`test -f a.txt`) fails without the work; `docs` (`test -f README.md`) already
/// passes at the base, so `--prove-red` has one of each. Tests clone it and never change it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HonestTicket : IDisposable
{
    public const string Ticket = "feature";

    public const string RecordPath = ".dialtone/tickets/feature.json";

    private int clones;

    public HonestTicket()
    {
        Hooked = new HookedRepo();
        Repo.Write(".dialtone/config.json", "{ \"test\": { \"timeoutSeconds\": 30 } }\n");
        Repo.Commit("policy: 30 s test timeout");
        Base = Repo.Git("rev-parse", "HEAD");

        HookedRepo.Expect(0, Hooked.Dialtone("ticket", "start", Ticket));
        Hooked.AddSubtask("greet", "a.txt");
        HookedRepo.Expect(0, Hooked.Dialtone("ticket", "subtask", "add", "docs", "--desc", "Document the greeting", "--condition", "README.md exists", "--test", "test -f README.md"));

        Repo.Write("a.txt", "hello\n");
        Hooked.RunAndSign("greet");
        CommitThroughTheGate("Greet the world");

        Repo.Write("README.md", "# test repo\n\nRun it to be greeted.\n");
        Hooked.RunAndSign("docs");
        CommitThroughTheGate("Document the greeting");

        HookedRepo.Expect(0, Hooked.Dialtone("ticket", "validate"));
        CommitThroughTheGate("Validate feature");
        Assert.Equal("feature", Repo.Git("log", "-1", "--format=%(trailers:key=Dialtone-Ticket,valueonly)"));
    }

    public HookedRepo Hooked { get; }

    public TempRepo Repo => Hooked.Repo;

    /// <summary>main's tip: the merge-base of every clone's ticket branch.</summary>
    public string Base { get; }

    /// <summary>A fresh clone (no store, no hooks), checked out on the ticket branch.</summary>
    public TempRepo Clone()
    {
        var clone = Repo.Clone($"clone-{Interlocked.Increment(ref clones)}");
        Assert.Equal(Ticket, clone.Branch);
        return clone;
    }

    public void Dispose() => Hooked.Dispose();

    private void CommitThroughTheGate(string message)
    {
        HookedRepo.Expect(0, Hooked.Git("add", "-A"));
        HookedRepo.Expect(0, Hooked.Git("commit", "-q", "-m", message));
    }
}
