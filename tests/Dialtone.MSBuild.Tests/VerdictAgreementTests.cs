using System.Text.RegularExpressions;
using CliProcess = Dialtone.Cli.Tests.Cli;

namespace Dialtone.MSBuild.Tests;

/// <summary>
/// `dialtone gate build` and the MSBuild task must give the same verdict on the same repository:
/// they share the decision, but not the code that asks git, so each state is checked both ways.
/// </summary>
public sealed partial class VerdictAgreementTests(PackageFeed feed) : IClassFixture<PackageFeed>
{
    [Fact]
    public void CliAndTask_AgreeOnEveryState()
    {
        using var consumer = new Consumer(feed);
        var states = new List<(string State, string? CliCode, string? TaskCode)>();

        void Observe(string state)
        {
            var cli = CliProcess.Run(consumer.Repo.Path_, "gate", "build", "--json");
            var task = consumer.Build("app", new() { ["CI"] = "true" });
            states.Add((state, Code().Match(cli.StdOut) is { Success: true } c ? c.Value : null, Code().Match(task.Output) is { Success: true } t ? t.Value : null));
            Assert.True(cli.ExitCode == 0 == (task.ExitCode == 0), $"{state}: CLI exit {cli.ExitCode}, build exit {task.ExitCode}\n{cli}\n{task.Output}");
        }

        Observe("no ticket");
        consumer.SignedTicket("agree");
        Observe("signed, not validated");
        consumer.Validate();
        Observe("validated");
        consumer.Repo.Write("app/Code.cs", "namespace App; public static class Code { public static int Answer => 41; }\n");
        Observe("changed after validation");
        File.WriteAllText(Path.Combine(consumer.Repo.Path_, ".dialtone", "tickets", "agree.json"), "{ not json");
        Observe("broken record");

        Assert.Equal(
            [("no ticket", null, null), ("signed, not validated", "DT0001", "DT0001"), ("validated", null, null), ("changed after validation", "DT0002", "DT0002"), ("broken record", "DT0003", "DT0003")],
            states);
    }

    [GeneratedRegex("DT000[0-9]")]
    private static partial Regex Code();
}
