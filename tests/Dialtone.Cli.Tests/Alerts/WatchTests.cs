using Dialtone.Cli.Tests.Loop;

namespace Dialtone.Cli.Tests.Alerts;

/// <summary>`ticket watch add|rm|list` and the `alerts.watch` config key.</summary>
public sealed class WatchTests
{
    [Fact]
    public void List_ShowsTheDefaults_AndTheFilesTheyMatch()
    {
        using var repo = AlertStoryTests.RepoWithSpec();
        repo.Write("docs/design/retries.md", "# Retries\n");
        repo.Write("src/code.cs", "class C {}\n");

        var list = Story.Ok(repo, "ticket", "watch", "list");

        Assert.Equal("[ticket] Watched design docs: 2 files match 4 patterns.", list.Lines.First());
        Assert.Contains("  docs/**/*.md                  (default)", list.Lines);
        Assert.Contains("  api_spec.md", list.Lines);
        Assert.Contains("  docs/design/retries.md  (untracked)", list.Lines);
        Assert.DoesNotContain(list.Lines, l => l.Contains("code.cs", StringComparison.Ordinal) || l.Contains(".dialtone/tickets", StringComparison.Ordinal));
    }

    [Fact]
    public void AddedDocs_RaiseAlerts_AndRemovedOnesStop()
    {
        using var repo = AlertStoryTests.RepoWithSpec();
        repo.Write("design/NOTES.txt", "alpha\nbeta\n");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "notes");

        var add = Story.Ok(repo, "ticket", "watch", "add", "design/*.txt");
        Assert.Contains("[ticket] Watching design/*.txt: 1 file matches now.", add.Lines);

        // Watching a committed doc is not news; editing it is.
        Assert.DoesNotContain("[ALERT]", Story.Ok(repo, "ticket", "status").StdOut, StringComparison.Ordinal);
        repo.Write("design/NOTES.txt", "alpha\ngamma is new\n");
        var status = Story.Ok(repo, "ticket", "status");
        Assert.Contains(status.Lines, l => l.StartsWith("[ALERT] Design Doc 'design/NOTES.txt' was modified", StringComparison.Ordinal));
        Assert.Contains("[DIFF] Line 2 removed: 'beta'.", status.Lines);
        Assert.Contains("[DIFF] Line 2 added: 'gamma is new'.", status.Lines);

        Story.Ok(repo, "ticket", "ack");
        var rm = Story.Ok(repo, "ticket", "watch", "rm", "design/*.txt");
        Assert.Contains("[ticket] No longer watching design/*.txt.", rm.Lines);
        repo.Write("design/NOTES.txt", "entirely different\n");
        Assert.DoesNotContain("[ALERT]", Story.Ok(repo, "ticket", "status").StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Rm_OfOneFile_ExcludesIt_FromTheDefaultPatterns()
    {
        using var repo = AlertStoryTests.RepoWithSpec();

        var rm = Story.Ok(repo, "ticket", "watch", "rm", "api_spec.md");
        repo.Write("api_spec.md", "# Rewritten\n");
        var status = Story.Ok(repo, "ticket", "status");
        var add = Story.Ok(repo, "ticket", "watch", "add", "api_spec.md");

        Assert.Contains("[ticket] No longer watching api_spec.md (excluded from the patterns that match it).", rm.Lines);
        Assert.DoesNotContain("[ALERT]", status.StdOut, StringComparison.Ordinal);
        Assert.Contains("[ticket] Watching api_spec.md: 1 file matches now.", add.Lines);
        Assert.Contains("[ALERT] Design Doc 'api_spec.md' was modified", Story.Ok(repo, "ticket", "status").StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_ReplacesTheDefaults_AndBadPatternsAreExit2()
    {
        using var repo = AlertStoryTests.RepoWithSpec();
        Story.WriteConfig(repo, """{ "alerts": { "watch": ["contracts/**/*.yaml"] } }""");
        repo.Write("contracts/orders.yaml", "order:\n  id: string\n");

        var list = Story.Ok(repo, "ticket", "watch", "list");
        var outside = Story.Expect(2, repo, "ticket", "watch", "add", "../elsewhere.md");
        var notWatched = Story.Expect(2, repo, "ticket", "watch", "rm", "README.md");
        Story.WriteConfig(repo, """{ "alerts": { "watch": "docs" } }""");
        var badConfig = Story.Expect(2, repo, "ticket", "watch", "list");

        Assert.Contains("  contracts/**/*.yaml  (config)", list.Lines);
        Assert.Contains("  contracts/orders.yaml  (untracked)", list.Lines);
        Assert.DoesNotContain("  api_spec.md", list.Lines);
        Assert.StartsWith("[FAIL] Cannot watch '../elsewhere.md': it leaves the repository", outside.StdOut, StringComparison.Ordinal);
        Assert.StartsWith("[FAIL] 'README.md' is not watched", notWatched.StdOut, StringComparison.Ordinal);
        Assert.StartsWith("[FAIL] .dialtone/config.json: 'alerts.watch' must be an array", badConfig.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SaysWhatIsWatched()
    {
        using var repo = AlertStoryTests.RepoWithSpec("first");

        var start = Story.Ok(repo, "ticket", "start", "second", "--from", "main");

        Assert.Contains(start.Lines, l => l.StartsWith("[SCHEMA] Watched design docs: 1 file matching docs/**/*.md, **/*spec*.{md,yaml,yml,json}", StringComparison.Ordinal));
    }
}
