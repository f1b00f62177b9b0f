using System.Globalization;
using Dialtone.Cli.Tests.Loop;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.UseCases.Grants;
using Dialtone.Core.UseCases.Loop;
using Dialtone.Core.Workflow;
using Dialtone.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>
/// `ticket grant` without a command, as the seed runs it with its output captured the way agents run
/// commands: the secret goes to the ticket's session, never to stdout or stderr; the test runs of
/// `next`, `test` and `validate` and `dialtone run` get it until expiry, and nothing Dialtone stores
/// or prints contains it. Where the expiry has to pass, the commands run in-process on a fake clock.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GrantSessionTests : IDisposable
{
    private const string Subtask = "uses-key";

    private readonly GrantRepo grant = new();

    /// <summary>The seed's command, verbatim.</summary>
    private CliResult Seed(string duration = "10m") => grant.Run("ticket", "grant", "--scope", "stripe-sandbox", "--duration", duration);

    /// <summary>
    /// An integration test as an agent writes it: it needs the real key (compared with the one the
    /// mint printed) and, carelessly, prints it plain and in base64.
    /// </summary>
    private void AddKeyTest()
    {
        var expected = Story.Quote(Path.Combine(grant.Outside, "secret"));
        var added = grant.Run(
            "ticket", "subtask", "add", Subtask, "--desc", "Call the sandbox", "--condition", "the command exits 0",
            "--test", $"[ \"$STRIPE_API_KEY\" = \"$(cat {expected})\" ] && echo \"key=$STRIPE_API_KEY\" && printf %s \"$STRIPE_API_KEY\" | base64");
        Assert.True(added.ExitCode == 0, added.ToString());
    }

    private DateTimeOffset LeaseExpiry(int index = 0) =>
        DateTimeOffset.Parse(grant.Run("ticket", "grant", "list", "--json").Json.GetProperty("data").GetProperty("leases")[index].GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public void TheSeedsCommand_CapturedLikeAnAgentsCommand_PrintsNoSecret_AndSaysOnlyTrueThings()
    {
        AddKeyTest();

        var result = Seed();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.StdOut);
        grant.AssertNoLeak("stderr", result.StdErr);
        var expires = GrantText.At(LeaseExpiry());
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("[AUTH] Temporary API key granted for 10 minutes (grant #1, scope 'stripe-sandbox').", lines[0]);
        Assert.Equal($"[ENV] STRIPE_API_KEY exported to the ticket session: ticket next, test, validate and dialtone run get it until {expires}.", lines[1]);
        Assert.Equal($"[WARN] Key will automatically expire at {expires}.", lines[2]);
        Assert.Matches(@" \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.$", lines[2]);
        Assert.Equal("session", grant.Run("ticket", "grant", "list", "--json").Json.GetProperty("data").GetProperty("leases")[0].GetProperty("mode").GetString());

        // The [ENV] line's claims, each checked: ticket next, test, validate and dialtone run get it.
        var next = grant.Run("ticket", "next");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains("[ENV] STRIPE_API_KEY (grant #1) from the ticket session set for the test run", next.StdOut, StringComparison.Ordinal);
        Assert.Contains(Story.SignAction(Subtask), next.Lines);
        Assert.Equal(0, grant.Run("ticket", "test").ExitCode);
        Assert.Equal(0, grant.Run("ticket", "log", Story.SignText(Subtask)).ExitCode);
        var validate = grant.Run("ticket", "validate");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        var run = grant.Run("run", "--", "sh", "-c", $"[ \"$STRIPE_API_KEY\" = \"$(cat {Story.Quote(Path.Combine(grant.Outside, "secret"))})\" ] && echo has-it");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("has-it\n", run.StdOut);

        grant.AssertSecretNowhere([result, next, validate, run], sessionFilesMayHoldIt: true);
    }

    [Fact]
    public void TheOldEvalForm_IsTheSessionForm_TheShellGetsNothing()
    {
        var outcome = ChildProcess.Run(
            "/bin/sh",
            grant.Repo.Path_,
            ["-c", "eval \"$(\"$0\" \"$1\" ticket grant --scope stripe-sandbox --duration 10m --shell bash)\"; printf '%s' \"${STRIPE_API_KEY:-unset}\"", Cli.DotnetHost, Cli.Dll],
            grant.Environment,
            TimeSpan.FromSeconds(60));

        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        Assert.Equal("unset", outcome.StdOut);
        Assert.Contains("[ENV] STRIPE_API_KEY exported to the ticket session", outcome.StdErr, StringComparison.Ordinal);
        Assert.Contains("[TIP] --shell only shapes the lines of --print-export", outcome.StdErr, StringComparison.Ordinal);
        grant.AssertNoLeak("stderr", outcome.StdErr);
    }

    [Fact]
    public void TheSessionFile_Is0600_InA0700Directory_AndGoneAfterRevoke()
    {
        Assert.Equal(0, Seed().ExitCode);

        var file = Path.Combine(grant.SessionDirectory, "1.grant");
        Assert.True(File.Exists(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(PrivateDirectory.OwnerOnly, File.GetUnixFileMode(grant.SessionDirectory));
        Assert.Single(Directory.GetFiles(grant.SessionDirectory));

        var revoke = grant.Run("ticket", "grant", "revoke", "1");

        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Empty(Directory.GetFiles(grant.SessionDirectory));
        Assert.StartsWith("1 revoked ", Assert.Single(grant.Revoked), StringComparison.Ordinal);
        grant.AssertSecretNowhere([revoke]);
    }

    [Fact]
    public void WithARuntimeDirectory_TheFileIsThere_FoundThroughTheStoreByAProcessWithoutOne_AndGoneAfterRevoke()
    {
        var runtime = grant.Repo.Sibling("runtime");
        Directory.CreateDirectory(runtime, PrivateDirectory.OwnerOnly);
        using var withRuntime = new GrantRepo(runtimeDirectory: runtime);
        var seed = withRuntime.Run("ticket", "grant", "--scope", "stripe-sandbox", "--duration", "10m");
        Assert.True(seed.ExitCode == 0, seed.ToString());

        var directory = Assert.Single(Directory.GetDirectories(Path.Combine(runtime, "dialtone")));
        var file = Path.Combine(directory, "1.grant");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(PrivateDirectory.OwnerOnly, File.GetUnixFileMode(directory));
        Assert.Equal(PrivateDirectory.OwnerOnly, File.GetUnixFileMode(Path.Combine(runtime, "dialtone")));
        Assert.Equal(["1.at"], Directory.GetFiles(withRuntime.SessionDirectory).Select(Path.GetFileName));
        withRuntime.AssertNoLeak("the pointer", File.ReadAllBytes(Path.Combine(withRuntime.SessionDirectory, "1.at")));

        // A process started without XDG_RUNTIME_DIR (an agent's sanitised environment) still gets the grant.
        var run = Cli.Run(withRuntime.Repo.Path_, new Dictionary<string, string?>(withRuntime.Environment) { ["XDG_RUNTIME_DIR"] = null }, "run", "--", "sh", "-c", "echo \"$STRIPE_API_KEY\"");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(GrantRepo.Redacted + "\n", run.StdOut);

        Assert.Equal(0, Cli.Run(withRuntime.Repo.Path_, new Dictionary<string, string?>(withRuntime.Environment) { ["XDG_RUNTIME_DIR"] = null }, "ticket", "grant", "revoke", "--all").ExitCode);
        Assert.False(File.Exists(file));
        Assert.Empty(Directory.GetFiles(withRuntime.SessionDirectory));
    }

    [Fact]
    public void NextInsideTheSession_PassesWithTheKey_AndNeitherRunsTheLogTheRecordNorJsonHoldIt()
    {
        AddKeyTest();
        Assert.Equal(0, Seed().ExitCode);

        var next = grant.Run("--json", "ticket", "next");

        Assert.True(next.ExitCode == 0, next.ToString());
        var run = next.Json.GetProperty("data").GetProperty("run");
        Assert.True(run.GetProperty("passed").GetBoolean());
        Assert.Equal($"key={GrantRepo.Redacted}\n{GrantRepo.Redacted}", run.GetProperty("outputTail").GetString());
        var stored = grant.StoreTexts().Where(t => t.Where == "runs.output").Select(t => t.Text).Single();
        Assert.Equal($"key={GrantRepo.Redacted}\n{GrantRepo.Redacted}\n", stored);
        var outputs = new List<CliResult>
        {
            next,
            grant.Run("ticket", "log", Story.SignText(Subtask)),
            grant.Run("--json", "ticket", "show"),
            grant.Run("--json", "ticket", "status"),
        };
        grant.AssertSecretNowhere(outputs, sessionFilesMayHoldIt: true);

        Assert.Equal(0, grant.Run("ticket", "grant", "revoke", "--all").ExitCode);
        grant.AssertSecretNowhere(outputs);
    }

    [Fact]
    public async Task AnExpiredSession_NextRunsWithoutTheVariable_AndSaysSo_AndTheKeyIsRevoked()
    {
        AddKeyTest();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var granted = GrantSessionUseCase.Run(Workspace.Discover(grant.Repo.Path_, time), GrantRepo.Scope, "1m", null);
        Assert.Equal(0, granted.ExitCode);
        var expiresAt = time.GetUtcNow().AddMinutes(1);

        // Before expiry the test gets it ...
        var before = GrantNotices.Collect(() => NextUseCase.Run(Workspace.Discover(grant.Repo.Path_, time)), out var live);
        Assert.True(before.ExitCode == 0, string.Join('\n', before.Lines));
        Assert.Contains(live, n => n.Tag == Tag.Env);

        // ... after it, not, and the answer says why.
        time.Advance(TimeSpan.FromSeconds(61));
        var after = GrantNotices.Collect(() => NextUseCase.Run(Workspace.Discover(grant.Repo.Path_, time)), out var notices);

        Assert.Equal(1, after.ExitCode);
        Assert.Contains((Tag.Warn, $"Grant #1 (STRIPE_API_KEY of ticket 'demo') expired at {GrantText.At(expiresAt)}: the ticket session no longer has it, so test runs and dialtone run go without it from now on."), notices);
        Assert.DoesNotContain(notices, n => n.Tag == Tag.Env);
        Assert.Empty(Directory.GetFiles(grant.SessionDirectory, "*.grant"));
        Assert.True(await GrantRepo.Eventually(() => grant.Revoked.Length == 1), "the revoke command did not run");
        Assert.StartsWith("1 expired ", grant.Revoked[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredSession_ThroughTheRealCli_NextSaysSo()
    {
        AddKeyTest();
        var seed = Seed("3s");
        Assert.Equal(0, seed.ExitCode);

        // No other command before `next` (it would be the one to find the grant expired): the expiry is read from the seed's own line.
        var said = seed.StdErr.Split('\n').Single(l => l.StartsWith("[WARN] Key will automatically expire at ", StringComparison.Ordinal))["[WARN] Key will automatically expire at ".Length..^".".Length];
        var expiresAt = DateTimeOffset.ParseExact(said, "yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        // No fixed sleep: wait until the clock has passed the expiry (said to the second, so one more).
        Assert.True(await GrantRepo.Eventually(() => DateTimeOffset.UtcNow > expiresAt.AddSeconds(1), 30));
        var next = grant.Run("ticket", "next");

        Assert.Equal(1, next.ExitCode);
        Assert.Contains($"[WARN] Grant #1 (STRIPE_API_KEY of ticket 'demo') expired at {said}: the ticket session no longer has it", next.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("[ENV]", next.StdOut, StringComparison.Ordinal);
        Assert.Contains("[FAIL] Subtask 'uses-key'", next.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintExport_ThroughAPipe_IsRefused_Exit2_NothingMinted_TheSessionFormOffered()
    {
        var result = grant.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--duration", "10m", "--print-export");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.StdOut);
        Assert.Contains("[FAIL] --print-export prints the secret, and stdout is not a terminal", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket grant --scope stripe-sandbox --duration 10m", result.StdErr.TrimEnd().Split('\n')[^1]);
        Assert.Empty(grant.Minted);
        Assert.False(Directory.Exists(grant.SessionDirectory) && Directory.GetFiles(grant.SessionDirectory).Length > 0);
        Assert.Equal("[ticket] No grants yet.", grant.Run("ticket", "grant", "list").Lines.Single());
    }

    [TerminalFact]
    public void PrintExport_OnATerminal_PrintsTheExportLines_AndRecordsTheEvidence()
    {
        var command = string.Join(' ', new[] { Cli.DotnetHost, Cli.Dll, "ticket", "grant", "--scope", GrantRepo.Scope, "--duration", "10m", "--print-export", "--shell", "bash" }.Select(Story.Quote));
        var outcome = ChildProcess.Run(GrantConditions.Script!, grant.Repo.Path_, ["-q", "-e", "-c", command, "/dev/null"], grant.Environment, TimeSpan.FromSeconds(60));

        Assert.True(outcome.ExitCode == 0, outcome.StdOut + outcome.StdErr);
        Assert.Contains($"export STRIPE_API_KEY='{grant.Secret}'", outcome.StdOut, StringComparison.Ordinal);
        Assert.Contains("export DIALTONE_GRANT_ENV='STRIPE_API_KEY'", outcome.StdOut, StringComparison.Ordinal);
        Assert.Contains("Recorded on ticket 'demo' as evidence 'printed-export'.", outcome.StdOut, StringComparison.Ordinal);
        AssertPrintedExportEvidence();
    }

    [Fact]
    public void PrintExport_InProcessWithATerminal_PrintsAndRecordsTheEvidence_AndTheSessionHasItToo()
    {
        using var console = new CapturedGrantConsole(terminal: true);

        var reply = GrantExportUseCase.Run(Workspace.Discover(grant.Repo.Path_), console, GrantRepo.Scope, "10m", "bash");

        Assert.Equal(0, reply.ExitCode);
        Assert.StartsWith($"export STRIPE_API_KEY='{grant.Secret}'\n", console.StdoutText, StringComparison.Ordinal);
        AssertPrintedExportEvidence();
        var run = grant.Run("run", "--", "sh", "-c", "echo \"$STRIPE_API_KEY\"");
        Assert.Equal(GrantRepo.Redacted + "\n", run.StdOut);
    }

    private void AssertPrintedExportEvidence()
    {
        var evidence = Assert.Single(Story.Record(grant.Repo, "demo").GetProperty("evidence").EnumerateArray());
        Assert.Equal("printed-export", evidence.GetProperty("kind").GetString());
        Assert.StartsWith("grant #1: STRIPE_API_KEY of scope 'stripe-sandbox' printed as export lines (bash) to a terminal by Test User", evidence.GetProperty("detail").GetString(), StringComparison.Ordinal);
        grant.AssertNoLeak("the record", File.ReadAllBytes(Story.RecordPath(grant.Repo, "demo")));
        Assert.Equal("export", grant.Run("ticket", "grant", "list", "--json").Json.GetProperty("data").GetProperty("leases")[0].GetProperty("mode").GetString());
    }

    [Fact]
    public void RevokeNow_RunsTheRevokeCommand_Once()
    {
        Assert.Equal(0, Seed().ExitCode);

        var revoke = grant.Run("ticket", "grant", "revoke", "#1");

        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Equal("[AUTH] Grant #1 (stripe-sandbox, STRIPE_API_KEY) revoked (revoke command exited 0).", revoke.Lines.Single());
        Assert.StartsWith("1 revoked ", Assert.Single(grant.Revoked), StringComparison.Ordinal);

        var again = grant.Run("ticket", "grant", "revoke", "1");
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("[ticket] Grant #1 already ended (revoked at", again.Lines.Single(), StringComparison.Ordinal);
        Assert.Single(grant.Revoked);
        Assert.Equal("[ticket] No active grants.", grant.Run("ticket", "grant", "revoke", "--all").Lines.Single());

        // Revoked means gone from the session too.
        Assert.StartsWith("[WARN] No live grant in the session of ticket 'demo'", grant.Run("run", "--", "true").StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("abc")]
    [InlineData(null)]
    public void RevokeWithoutAValidId_IsExit2(string? id)
    {
        var result = id is null ? grant.Run("ticket", "grant", "revoke") : grant.Run("ticket", "grant", "revoke", id);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("[ACTION] ", result.Lines.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARevokeCommandThatFails_IsExit1_WithTheManualCommand()
    {
        Assert.Equal(0, Seed().ExitCode);
        grant.Script("tools/revoke.sh", "echo 'issuer unreachable' >&2; exit 9");

        var result = grant.Run("ticket", "grant", "revoke", "--all");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the revoke command failed (exit 9)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("issuer unreachable", result.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("DIALTONE_GRANT_ID=1 tools/revoke.sh)", result.Lines.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenRevokeCommand_NeverBreaksTheNextCommand()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Assert.Equal(0, GrantSessionUseCase.Run(Workspace.Discover(grant.Repo.Path_, time), GrantRepo.Scope, "1s", null).ExitCode);
        File.Delete(Path.Combine(grant.Repo.Path_, "tools", "revoke.sh"));
        time.Advance(TimeSpan.FromSeconds(1.2));

        var list = GrantListUseCase.Run(Workspace.Discover(grant.Repo.Path_, time), all: false, ticket: null);

        Assert.True(list.ExitCode == 0, string.Join('\n', list.Lines));
        Assert.True(await GrantRepo.Eventually(() => File.Exists(Path.Combine(grant.StoreDirectory, "grant-revoke.log"))
            && File.ReadAllText(Path.Combine(grant.StoreDirectory, "grant-revoke.log")).Contains("revoke.sh", StringComparison.Ordinal)));
        using var store = Store.Open(StorePaths.ForCommonDir(Path.Combine(grant.Repo.Path_, ".git")));
        Assert.Equal(1L, store.Connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM log WHERE kind = 'grant' AND text LIKE 'grant #1 (stripe-sandbox) expired at %'"));
    }

    public void Dispose() => grant.Dispose();
}
