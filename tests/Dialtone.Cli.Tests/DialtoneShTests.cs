using Dialtone.Tests;

namespace Dialtone.Cli.Tests;

/// <summary>
/// The README's main command: dialtone.sh builds on first use, then runs the built CLI with the
/// caller's working directory, from any directory and through a symlink.
/// </summary>
public sealed class DialtoneShTests
{
    private static readonly string Script = Path.Combine(TestHost.SourceRoot, "dialtone.sh");

    [Fact]
    public void ThroughASymlink_FromASubdirectory_StartsATicket_AndDoesNotRebuildTwice()
    {
        using var repo = new TempRepo();
        var bin = Directory.CreateDirectory(repo.Sibling("bin")).FullName;
        var link = Path.Combine(bin, "dt");
        File.CreateSymbolicLink(link, Script);
        var subdirectory = Directory.CreateDirectory(Path.Combine(repo.Path_, "src", "deep")).FullName;

        var first = Run(link, subdirectory, "ticket", "start", "demo");
        var second = Run(link, subdirectory, "ticket", "status");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("[ticket] Started: demo", first.StdOut, StringComparison.Ordinal);
        Assert.Equal("demo", repo.Branch);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain("Building Dialtone", second.StdErr, StringComparison.Ordinal);
        Assert.Contains("[ticket] Current ticket: demo", second.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCodesPassThrough()
    {
        using var plain = new TempRepo(init: false);

        var result = Run(Script, plain.Path_, "ticket", "status");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("is not inside a git repository", result.StdOut, StringComparison.Ordinal);
    }

    private static CliResult Run(string script, string directory, params string[] args)
    {
        var outcome = ChildProcess.Run("bash", directory, [script, .. args], null, TimeSpan.FromMinutes(10));
        return new CliResult(outcome.ExitCode, outcome.StdOut, outcome.StdErr, outcome.Elapsed);
    }
}
