using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// A test whose very first run passes (imported, or already there) has not shown that it checks the
/// new work. Signing it is allowed; `next` and the SIGN both say so in a [WARN].
/// </summary>
public sealed class FirstPassTests
{
    private const string Warning = "[WARN] The test of 'already-green' passed on its very first run, before any change was made: it does not yet show that it checks the new work. A test that fails without the change (RED), then passes with it, does.";

    [Fact]
    public void AFirstRunThatPasses_IsWarnedAtNext_AndAtTheSign()
    {
        using var repo = new TempRepo();
        StartWith(repo, "pre-existing", "already-green", "test -f README.md");

        var next = Ok(repo, "--json", "ticket", "next");
        var text = Ok(repo, "ticket", "next");
        var sign = Ok(repo, "ticket", "log", SignText("already-green"));

        var lines = next.Json.GetProperty("lines").EnumerateArray().Select(l => $"[{l.GetProperty("tag").GetString()!.ToUpperInvariant()}] {l.GetProperty("text").GetString()}").ToList();
        Assert.Equal(Warning, lines[^2]);
        Assert.True(next.Json.GetProperty("data").GetProperty("firstRunPassed").GetBoolean());
        Assert.Equal(Warning, text.Lines.ToList()[^2]);
        Assert.Equal(SignAction("already-green"), text.Lines.Last());
        Assert.StartsWith("[ticket] Signed: already-green", sign.Lines.First(), StringComparison.Ordinal);
        Assert.Contains(Warning, sign.Lines);
        Assert.StartsWith("[ACTION] git add -A && git commit", sign.Lines.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void RedThenGreen_EarnsNoWarning()
    {
        using var repo = new TempRepo();
        StartWith(repo, "red-first", "hello", "test -f hello.txt");
        Expect(1, repo, "ticket", "next");
        repo.Write("hello.txt", "hello\n");

        var next = Ok(repo, "--json", "ticket", "next");
        var sign = Ok(repo, "ticket", "log", SignText("hello"));

        Assert.False(next.Json.GetProperty("data").GetProperty("firstRunPassed").GetBoolean());
        Assert.DoesNotContain(next.StdOut, "passed on its very first run", StringComparison.Ordinal);
        Assert.DoesNotContain(sign.Lines, IsFirstPassWarning);
    }

    [Fact]
    public void SwappingARedTestForOneThatAlwaysPasses_IsWarned()
    {
        // The red test is honest; replacing it with `true` starts a new command whose first run passes.
        using var repo = new TempRepo();
        StartWith(repo, "swap", "already-green", "test -f feature.txt");
        Expect(1, repo, "ticket", "next");
        Ok(repo, "ticket", "subtask", "edit", "already-green", "--test", "true");

        var next = Ok(repo, "ticket", "next");
        var sign = Ok(repo, "ticket", "log", SignText("already-green"));

        Assert.Contains(Warning, next.Lines);
        Assert.Contains(Warning, sign.Lines);
    }
}
