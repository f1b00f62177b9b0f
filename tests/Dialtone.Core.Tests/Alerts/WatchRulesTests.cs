using Dialtone.Core.Alerts;

namespace Dialtone.Core.Tests.Alerts;

/// <summary>The watch list: defaults, configured patterns, additions and exclusions, and the git pathspecs they become.</summary>
public sealed class WatchRulesTests
{
    [Fact]
    public void Braces_Expand_IntoOneGlobEach()
    {
        Assert.Equal(["**/*spec*.md", "**/*spec*.yaml", "**/*spec*.yml"], WatchRules.ExpandBraces("**/*spec*.{md,yaml,yml}"));
        Assert.Equal(["a/x.md", "a/y.json", "a/y.yaml", "b/x.md", "b/y.json", "b/y.yaml"], WatchRules.ExpandBraces("{a,b}/{x.md,y.{json,yaml}}"));
        Assert.Equal(["docs/**/*.md"], WatchRules.ExpandBraces("docs/**/*.md"));
        Assert.Equal(["broken{a,b"], WatchRules.ExpandBraces("broken{a,b"));
    }

    [Fact]
    public void Defaults_Apply_UntilTheConfigNamesItsOwn()
    {
        var defaults = WatchRules.Effective(null, []);
        var configured = WatchRules.Effective(["specs/*.yaml"], []);

        Assert.Equal(WatchRules.Defaults, defaults.Includes.Select(r => r.Pattern));
        Assert.All(defaults.Includes, r => Assert.Equal("default", r.Source));
        Assert.Equal([new WatchRules.Rule("specs/*.yaml", "config")], configured.Includes);
    }

    [Fact]
    public void AddedPatterns_Join_AndExclusions_SwitchOff()
    {
        var now = DateTimeOffset.UnixEpoch;
        var watch = WatchRules.Effective(
            null,
            [
                new WatchEntry("design/**/*.txt", false, now, "dev"),
                new WatchEntry("docs/**/*.md", true, now, "dev"),
                new WatchEntry("api_spec.md", true, now, "dev"),
            ]);

        Assert.Equal(["**/*spec*.{md,yaml,yml,json}", "**/*openapi*.{yaml,yml,json}", "**/*swagger*.{yaml,yml,json}", "design/**/*.txt"], watch.Includes.Select(r => r.Pattern));
        Assert.Equal("added", watch.Includes[^1].Source);
        Assert.Equal(["docs/**/*.md", "api_spec.md"], watch.Excludes);
    }

    [Fact]
    public void Pathspecs_AreCaseInsensitiveGlobs_AndNeverTheBookkeeping()
    {
        var watch = WatchRules.Effective(["docs/*.{md,txt}"], [new WatchEntry("docs/old.md", true, DateTimeOffset.UnixEpoch, "dev")]);

        Assert.Equal(
            [":(glob,icase)docs/*.md", ":(glob,icase)docs/*.txt", ":(exclude,glob,icase)docs/old.md", ":(exclude).dialtone/"],
            watch.Pathspecs());
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../other/spec.md")]
    [InlineData(":(top)x")]
    [InlineData("")]
    [InlineData("docs/{a,b.md")]
    public void Problem_RefusesPatternsOutsideTheRepositoryOrWithMagic(string pattern) =>
        Assert.NotNull(WatchRules.Problem(pattern));

    [Fact]
    public void Normalize_UsesForwardSlashesFromTheRoot()
    {
        Assert.Equal("docs/api.md", WatchRules.Normalize("  ./docs\\api.md "));
        Assert.Null(WatchRules.Problem("docs/**/*.md"));
    }
}
