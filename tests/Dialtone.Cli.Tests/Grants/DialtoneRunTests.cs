using System.Globalization;
using Dialtone.Cli.Tests.Loop;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.UseCases.Grants;
using Dialtone.Core.Workflow;
using Dialtone.Git.Processes;
using Microsoft.Extensions.Time.Testing;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>
/// `dialtone run -- &lt;cmd&gt;`: the ticket session's live grants for any command, its output masked
/// in every form (also split across writes), the command and what it started stopped at expiry.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DialtoneRunTests : IDisposable
{
    private readonly GrantRepo grant = new();

    private string Outside(string name) => Story.Quote(Path.Combine(grant.Outside, name));

    private void Session(string duration) =>
        Assert.Equal(0, grant.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--duration", duration).ExitCode);

    [Fact]
    public void TheCommandGetsTheVariable_ItsOutputIsMaskedInEveryForm_AndItsExitCodeIsItsOwn()
    {
        Session("10m");
        var urlEncoded = Uri.EscapeDataString("user=" + grant.Secret + "&x=/");
        var script = """
            [ "$STRIPE_API_KEY" = "$(cat "$2")" ] || { echo "wrong key"; exit 9; }
            printf '%s\n' "$STRIPE_API_KEY"
            printf 'user:%s' "$STRIPE_API_KEY" | base64
            head=$(printf '%s' "$STRIPE_API_KEY" | cut -c1-12); tail=$(printf '%s' "$STRIPE_API_KEY" | cut -c13-)
            printf 'split=%s' "$head"; sleep 0.3; printf '%s\n' "$tail"
            echo "url=$1"
            printf '{"key":"%s"}\n' "$STRIPE_API_KEY"
            printf 'err=%s\n' "$STRIPE_API_KEY" >&2
            echo "safe output"
            exit 7
            """;

        var result = grant.Run("run", "--", "sh", "-c", script, "masking-test", urlEncoded, Path.Combine(grant.Outside, "secret"));

        Assert.True(result.ExitCode == 7, result.ToString());
        grant.AssertNoLeak("stdout", result.StdOut);
        grant.AssertNoLeak("stderr", result.StdErr);
        var stdout = result.StdOut.Split('\n');
        Assert.Equal(GrantRepo.Redacted, stdout[0]);
        Assert.Contains(GrantRepo.Redacted, stdout[1], StringComparison.Ordinal);
        Assert.Equal($"split={GrantRepo.Redacted}", stdout[2]);
        Assert.Equal($"url=user%3D{GrantRepo.Redacted}%26x%3D%2F", stdout[3]);
        Assert.Equal($"{{\"key\":\"{GrantRepo.Redacted}\"}}", stdout[4]);
        Assert.Equal("safe output", stdout[5]);
        Assert.Contains($"err={GrantRepo.Redacted}", result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("[ENV] STRIPE_API_KEY (grant #1) from the session of ticket 'demo' set for `sh -c ", result.StdErr, StringComparison.Ordinal);

        // A multi-line script cannot be an [ACTION], which is one line.
        Assert.Equal("[ACTION] ./dialtone.sh run -- <command>", result.StdErr.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task AtExpiry_TheCommandAndEverythingItStarted_AreStopped_Exit124_AndTheLeaseEnds()
    {
        // In-process on a clock the test moves: the expiry comes when the test says, never by waiting.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Assert.Equal(0, GrantSessionUseCase.Run(Workspace.Discover(grant.Repo.Path_, time), GrantRepo.Scope, "10m", null).ExitCode);
        var started = Path.Combine(grant.Outside, "started");
        var script = $"echo $$ > {Outside("pid")}; (sleep 60 & echo $! > {Outside("orphan")}); echo started; : > {Story.Quote(started)}; while :; do sleep 0.1; done";
        using var console = new CapturedGrantConsole();
        var running = Task.Factory.StartNew(
            () => RunUseCase.Run(Workspace.Discover(grant.Repo.Path_, time), console, ["sh", "-c", script], grant.Repo.Path_),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Assert.True(await GrantRepo.Eventually(() => File.Exists(started), 60), "the command did not start");

        time.Advance(TimeSpan.FromMinutes(10));
        var reply = await running;

        Assert.Equal(124, reply.ExitCode);
        Assert.Equal("started\n", console.StdoutText);
        Assert.Contains(reply.Lines, l => l.Tag == Tag.Fail && l.Text.StartsWith("STRIPE_API_KEY (grant #1) expired at ", StringComparison.Ordinal));
        Assert.Equal((Tag.Action, "./dialtone.sh ticket grant --scope stripe-sandbox --duration <duration>"), reply.Lines[^1]);
        foreach (var file in new[] { "pid", "orphan" })
        {
            var pid = int.Parse(File.ReadAllText(Path.Combine(grant.Outside, file)).Trim(), CultureInfo.InvariantCulture);
            Assert.False(ProcessTree.IsAlive(pid), $"{file} {pid} still runs");
        }

        // The lease ended with it, and its file with the lease.
        var lease = grant.Run("ticket", "grant", "list", "--json").Json.GetProperty("data").GetProperty("leases")[0];
        Assert.Equal("expired", lease.GetProperty("reason").GetString());
        Assert.Empty(SessionFiles.Read(StorePaths.ForCommonDir(Path.Combine(grant.Repo.Path_, ".git"))));
        Assert.True(await GrantRepo.Eventually(() => grant.Revoked.Length == 1), "the revoke command did not run");
    }

    [Fact]
    public void WithoutALiveGrant_TheCommandRunsPlainly_AndDialtoneSaysSo()
    {
        var result = grant.Run("run", "--", "sh", "-c", "echo \"key=${STRIPE_API_KEY:-none}\"");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("key=none\n", result.StdOut);
        Assert.StartsWith("[WARN] No live grant in the session of ticket 'demo': running `sh -c ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherTicketsSession_IsNotThisOnes()
    {
        Session("10m");
        Story.Ok(grant.Repo, "ticket", "start", "other");

        var result = grant.Run("run", "--", "sh", "-c", "echo \"key=${STRIPE_API_KEY:-none}\"");

        Assert.Equal("key=none\n", result.StdOut);
        Assert.StartsWith("[WARN] No live grant in the session of ticket 'other'", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_GoesToStderr_AndStdoutStaysTheCommands()
    {
        Session("10m");

        var result = grant.Run("run", "--json", "--", "echo", "hello");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hello\n", result.StdOut);
        var document = System.Text.Json.JsonDocument.Parse(result.StdErr).RootElement;
        Assert.Equal("run", document.GetProperty("command").GetString());
        Assert.Equal("env", document.GetProperty("lines")[0].GetProperty("tag").GetString());
    }

    [Theory]
    [InlineData(new[] { "run" }, "Name the command to run after `--`.")]
    [InlineData(new[] { "run", "echo", "hi" }, "Put `--` before the command")]
    [InlineData(new[] { "run", "--", "no-such-program-anywhere" }, "'no-such-program-anywhere' was not found on PATH")]
    public void BadInput_IsExit2_WithOneCommandToRun(string[] args, string message)
    {
        var result = grant.Run(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] ./dialtone.sh run -- ", result.StdErr.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }

    public void Dispose() => grant.Dispose();
}
