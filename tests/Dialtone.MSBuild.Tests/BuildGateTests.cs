using System.Text.RegularExpressions;
using CliProcess = Dialtone.Cli.Tests.Cli;

namespace Dialtone.MSBuild.Tests;

/// <summary>
/// Real `dotnet build`s of consumer projects restoring Dialtone.MSBuild from a freshly packed feed.
/// </summary>
public sealed class BuildGateTests(PackageFeed feed) : IClassFixture<PackageFeed>
{
    private static readonly Dictionary<string, string?> WarnMode = new() { ["DialtoneGate"] = "warn" };

    [Fact]
    public void NoTicket_Passes()
    {
        using var consumer = new Consumer(feed);

        var build = consumer.Build("app", new() { ["CI"] = "true" });

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("DT000", build.Output, StringComparison.Ordinal);
        Assert.Contains("Dialtone gate evaluated: Branch 'main' has no ticket record", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unvalidated_IsAnErrorInErrorMode_AndAWarningInWarnMode()
    {
        using var consumer = new Consumer(feed);
        consumer.SignedTicket("unvalidated");

        var strict = consumer.Build("app", null, "-p:DialtoneGate=error");
        var lenient = consumer.Build("app", WarnMode);

        Assert.NotEqual(0, strict.ExitCode);
        Assert.Matches(new Regex(@"unvalidated\.json : Dialtone error DT0001: Ticket 'unvalidated' is not validated"), strict.Output);
        Assert.True(lenient.ExitCode == 0, lenient.Output);
        Assert.Contains("Dialtone warning DT0001", lenient.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultMode_IsErrorInCi_AndWarnLocally()
    {
        using var consumer = new Consumer(feed);
        consumer.SignedTicket("defaults");

        var ci = consumer.Build("app", new() { ["CI"] = "true" });
        var local = consumer.Build("app");
        var release = consumer.Build("app", null, "-c", "Release");

        Assert.NotEqual(0, ci.ExitCode);
        Assert.Contains("error DT0001", ci.Output, StringComparison.Ordinal);
        Assert.True(local.ExitCode == 0, local.Output);
        Assert.Contains("warning DT0001", local.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, release.ExitCode);
    }

    [Fact]
    public void Validated_Passes_AndAChangeAfterwardsIsDT0002NamingTheFile()
    {
        using var consumer = new Consumer(feed);
        consumer.SignedTicket("validated");
        consumer.Validate();

        var clean = consumer.Build("app", new() { ["CI"] = "true" });
        consumer.Repo.Write("app/Code.cs", "namespace App; public static class Code { public static int Answer => 41; }\n");
        var changed = consumer.Build("app", new() { ["CI"] = "true" });

        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.Contains("Dialtone gate evaluated: Ticket 'validated' is validated at tree", clean.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, changed.ExitCode);
        Assert.Matches(new Regex(@"error DT0002: Ticket 'validated' was validated at tree [0-9a-f]{7}, but the work tree is at [0-9a-f]{7}; changed: app/Code\.cs\."), changed.Output);
    }

    [Fact]
    public void AValidationThatMissesASubtask_IsDT0001()
    {
        // A subtask added after validating leaves the snapshot tree as it was (.dialtone/ is not in it):
        // only the rule that a validation must cover every subtask stops this build.
        using var consumer = new Consumer(feed);
        consumer.SignedTicket("grown");
        consumer.Validate();
        Assert.Equal(0, CliProcess.Run(consumer.Repo.Path_, "ticket", "subtask", "add", "later", "--desc", "more work", "--condition", "exits 0", "--test", "true").ExitCode);

        var build = consumer.Build("app", new() { ["CI"] = "true" });

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error DT0001: Ticket 'grown' is not validated: its last validation covers 1 of 2 subtasks.", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DialtoneSkip_AndOff_SkipTheGate()
    {
        using var consumer = new Consumer(feed);
        consumer.SignedTicket("skipped");

        var skip = consumer.Build("app", new() { ["CI"] = "true" }, "-p:DialtoneSkip=true");
        var off = consumer.Build("app", new() { ["CI"] = "true" }, "-p:DialtoneGate=off");

        Assert.True(skip.ExitCode == 0, skip.Output);
        Assert.True(off.ExitCode == 0, off.Output);
        Assert.DoesNotContain("Dialtone gate evaluated", skip.Output + off.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void FreshClone_DetachedHead_NamedTicket_PassesOnAValidatedCommittedRecord()
    {
        using var consumer = new Consumer(feed);
        consumer.SignedTicket("shipped");
        consumer.Repo.Commit("signed work");
        consumer.Validate();
        consumer.Repo.Commit("validated record");
        using var clone = consumer.Repo.Clone("ci-clone", "--branch", "shipped");
        clone.Git("checkout", "-q", "--detach", "HEAD");
        var env = new Dictionary<string, string?> { ["CI"] = "true", ["NUGET_PACKAGES"] = feed.Packages };

        var named = Dotnet.Run(clone.Path_, env, "build", "app", "-nologo", "-v:n", "-p:DialtoneTicket=shipped");
        var fromCiVariable = Dotnet.Run(clone.Path_, new Dictionary<string, string?>(env) { ["GITHUB_HEAD_REF"] = "shipped" }, "build", "app", "-nologo", "-v:n");

        Assert.True(named.ExitCode == 0, named.Output);
        Assert.Contains("Ticket 'shipped' is validated at tree", named.Output, StringComparison.Ordinal);
        Assert.True(fromCiVariable.ExitCode == 0, fromCiVariable.Output);
        Assert.Contains("Ticket 'shipped' is validated at tree", fromCiVariable.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void SolutionOfSeveralProjects_EvaluatesTheGateOncePerBuild()
    {
        using var consumer = new Consumer(feed, "one", "two", "three");
        Assert.Equal(0, Dotnet.Run(consumer.Repo.Path_, null, "new", "sln", "-n", "All", "--format", "sln").ExitCode);
        Assert.Equal(0, Dotnet.Run(consumer.Repo.Path_, null, "sln", "All.sln", "add", "one/one.csproj", "two/two.csproj", "three/three.csproj").ExitCode);
        consumer.SignedTicket("many-projects");

        // One build node: RegisterTaskObject caches per node, so -m:N evaluates at most N times.
        var build = consumer.Build("All.sln", WarnMode, "-m:1", "-v:d");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Single(Regex.Matches(build.Output, "Dialtone gate evaluated"));
        Assert.Equal(2, Regex.Count(build.Output, "Dialtone gate: verdict reused for this build"));
    }

    [Fact]
    public void TamperedRecord_IsDT0003()
    {
        using var consumer = new Consumer(feed);
        consumer.SignedTicket("tampered");
        consumer.Validate();
        var record = Path.Combine(consumer.Repo.Path_, ".dialtone", "tickets", "tampered.json");
        File.WriteAllText(record, File.ReadAllText(record).Replace("\"exitCode\": 0", "\"exitCode\": 3", StringComparison.Ordinal));

        var build = consumer.Build("app", new() { ["CI"] = "true" });

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error DT0003", build.Output, StringComparison.Ordinal);
        Assert.Contains("signature chain is broken", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedTicketWithoutRecord_IsDT0004()
    {
        using var consumer = new Consumer(feed);

        var build = consumer.Build("app", new() { ["CI"] = "true" }, "-p:DialtoneTicket=ghost");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error DT0004: Ticket 'ghost' has no record at .dialtone/tickets/ghost.json.", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void InitBuildGate_AddsThePackageToDirectoryBuildProps_Once()
    {
        using var consumer = new Consumer(feed);
        File.WriteAllText(Path.Combine(consumer.Repo.Path_, "app", "app.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        consumer.Repo.Commit("no gate yet");

        var first = Cli.Tests.Cli.Run(consumer.Repo.Path_, "init", "--build-gate");
        var second = Cli.Tests.Cli.Run(consumer.Repo.Path_, "init", "--build-gate");
        var props = File.ReadAllText(Path.Combine(consumer.Repo.Path_, "Directory.Build.props"));
        consumer.SignedTicket("through-props");
        var build = consumer.Build("app", new() { ["CI"] = "true" });

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Directory.Build.props: added the Dialtone.MSBuild", first.StdOut, StringComparison.Ordinal);
        Assert.Contains("Directory.Build.props already references Dialtone.MSBuild", second.StdOut, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(props, "Include=\"Dialtone.MSBuild\""));
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error DT0001: Ticket 'through-props' is not validated", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GitMissing_IsAWarning_DT0005()
    {
        using var consumer = new Consumer(feed);
        consumer.SignedTicket("no-git");
        consumer.Validate();
        var emptyBin = Directory.CreateDirectory(consumer.Repo.Sibling("empty-bin")).FullName;

        var build = consumer.Build("app", new() { ["CI"] = "true", ["PATH"] = emptyBin });

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("warning DT0005", build.Output, StringComparison.Ordinal);
    }
}
