using Dialtone.Cli.Tests.Hooks;

namespace Dialtone.Cli.Tests.Alerts;

/// <summary>
/// post-merge and post-checkout run the design-doc check through the installed shims: git itself
/// runs them (DIALTONE_BIN is the logging wrapper), and their output reaches the user on git's stderr.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HookAlertTests
{
    private static HookedRepo TicketOnSpec()
    {
        var repo = new HookedRepo();
        repo.Repo.Write("api_spec.md", AlertStoryTests.Spec);
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-q", "-m", "API spec"));
        HookedRepo.Expect(0, repo.Dialtone("ticket", "start", "feature-webhooks"));
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-q", "-m", "ticket record"));
        return repo;
    }

    private static void ChangeSpecOnMain(HookedRepo repo)
    {
        HookedRepo.Expect(0, repo.Git("checkout", "-q", "main"));
        repo.Repo.Write("api_spec.md", AlertStoryTests.Spec.Replace("webhook_url", "callback_uri", StringComparison.Ordinal));
        repo.Git("add", "-A");
        HookedRepo.Expect(0, repo.Git("commit", "-q", "-m", "Rename the webhook field"));
    }

    [Fact]
    public void PostMerge_RaisesTheUpstreamChange()
    {
        using var repo = TicketOnSpec();
        ChangeSpecOnMain(repo);
        HookedRepo.Expect(0, repo.Git(new Dictionary<string, string?> { ["DIALTONE"] = "0" }, "checkout", "-q", "feature-webhooks"));

        var merge = HookedRepo.Expect(0, repo.Git("merge", "--no-edit", "main"));

        Assert.Contains("hook post-merge 0", repo.Calls);
        Assert.Contains("[ALERT] Design Doc 'api_spec.md' was modified 0 minutes ago.", merge.StdErr, StringComparison.Ordinal);
        Assert.Contains("merged from 'main', commit", merge.StdErr, StringComparison.Ordinal);
        Assert.Contains("[DIFF] Field 'webhook_url' renamed to 'callback_uri'.", merge.StdErr, StringComparison.Ordinal);
        Assert.Contains("[ACTION] Please update your implementation, then: ./dialtone.sh ticket ack --alert", merge.StdErr, StringComparison.Ordinal);

        // One change, one alert: the merge's local copy of it is the same alert, not a second one.
        Assert.Single(merge.StdErr.Split('\n'), l => l.StartsWith("[ALERT]", StringComparison.Ordinal));

        // Acknowledged, it is silent at the next command and the next merge.
        HookedRepo.Expect(0, repo.Dialtone("ticket", "ack"));
        Assert.DoesNotContain("[ALERT]", HookedRepo.Expect(0, repo.Dialtone("ticket", "status")).StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void PostCheckout_OnSwitchingBackToTheTicketBranch_RaisesIt()
    {
        using var repo = TicketOnSpec();
        ChangeSpecOnMain(repo);

        var checkout = HookedRepo.Expect(0, repo.Git("checkout", "feature-webhooks"));

        Assert.Contains("[ALERT] Design Doc 'api_spec.md' was modified", checkout.StdErr, StringComparison.Ordinal);
        Assert.Contains("[DIFF] Field 'webhook_url' renamed to 'callback_uri'.", checkout.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void FileCheckouts_AndBranchesWithoutATicket_StartNoDialtone()
    {
        using var repo = TicketOnSpec();
        repo.Repo.Write("api_spec.md", "scratch\n");
        var before = repo.Calls.Count;

        HookedRepo.Expect(0, repo.Git("checkout", "--", "api_spec.md"));
        HookedRepo.Expect(0, repo.Git("checkout", "-q", "main"));

        Assert.Equal(before, repo.Calls.Count);
    }

    [Fact]
    public void ABusyStore_CostsTheHookSeconds_NeverTheMerge()
    {
        using var repo = TicketOnSpec();
        ChangeSpecOnMain(repo);
        HookedRepo.Expect(0, repo.Git(new Dictionary<string, string?> { ["DIALTONE"] = "0" }, "checkout", "-q", "feature-webhooks"));

        // Another dialtone holding the store (say, one that runs this very merge) must not deadlock it.
        var lockPath = Path.Combine(repo.Path_, ".git", "dialtone", "dialtone.duckdb.lock");
        CliResult merge;
        using (new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            merge = repo.Git("merge", "--no-edit", "main");
        }

        HookedRepo.Expect(0, merge);
        Assert.Contains("dialtone post-merge: design docs not checked (The Dialtone store is busy", merge.StdErr, StringComparison.Ordinal);
        Assert.Matches(@"waited 2 s for '[^']*'", merge.StdErr);

        // The next ticket command does the check the hook could not.
        Assert.Contains("[DIFF] Field 'webhook_url' renamed to 'callback_uri'.", HookedRepo.Expect(0, repo.Dialtone("ticket", "status")).StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHooksNeverFailGit_EvenWhenTheCheckCannot()
    {
        using var repo = TicketOnSpec();
        ChangeSpecOnMain(repo);
        HookedRepo.Expect(0, repo.Git(new Dictionary<string, string?> { ["DIALTONE"] = "0" }, "checkout", "-q", "feature-webhooks"));
        repo.Repo.Write(".dialtone/config.json", "{ not json");

        var merge = repo.Git("merge", "--no-edit", "main");

        HookedRepo.Expect(0, merge);
        Assert.Contains("dialtone post-merge: design docs not checked (.dialtone/config.json is not valid JSON", merge.StdErr, StringComparison.Ordinal);
    }
}
