using System.Diagnostics;
using Dialtone.Cli.Tests.Loop;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.UseCases.Grants;
using Dialtone.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>
/// `ticket grant` without a command: export lines for eval, advisory expiry, lazy and manual
/// revocation. Where the expiry has to pass, the grant and the next command run in-process on a fake clock.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GrantEvalTests : IDisposable
{
    private readonly GrantRepo grant = new();

    private CliResult Eval(string duration, string shell) =>
        grant.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--duration", duration, "--shell", shell);

    private static async Task<string> RunShell(string shell, string script)
    {
        var info = new ProcessStartInfo(shell) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    [Theory]
    [InlineData("bash", "bash")]
    [InlineData("sh", "sh")]
    [InlineData("sh", "dash")]
    public async Task ExportLines_EvalInTheShell_ToTheSecret(string syntax, string shell)
    {
        var result = Eval("5m", syntax);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(result.Lines, l => Assert.StartsWith("export ", l, StringComparison.Ordinal));
        var file = Path.Combine(grant.Outside, "exports");
        await File.WriteAllTextAsync(file, result.StdOut);

        var seen = await RunShell(shell, $"eval \"$(cat {Story.Quote(file)})\"\nprintf '%s|%s|%s' \"$STRIPE_API_KEY\" \"$DIALTONE_GRANT_ID\" \"${{DIALTONE_GRANT_EXPIRES_AT%%T*}}\"\n");

        Assert.Equal($"{grant.Secret}|1|{DateTime.UtcNow.AddMinutes(5):yyyy-MM-dd}", seen);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("[AUTH] Temporary API key granted for 5 minutes (grant #1, scope 'stripe-sandbox').", lines[0]);
        Assert.StartsWith("[ENV] STRIPE_API_KEY exported to current session", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^\[WARN\] Key will automatically expire at \d\d:\d\d:\d\d\.$", lines[2]);
        Assert.StartsWith("[WARN] Without `-- <command>` the expiry is advisory", lines[3], StringComparison.Ordinal);
        grant.AssertNoLeak("eval stderr", result.StdErr);
    }

    [Fact]
    public void FishAndPowerShell_GetTheirOwnSyntax()
    {
        Assert.Equal($"set -gx STRIPE_API_KEY '{grant.Secret}'", Eval("1m", "fish").Lines.First());
        Assert.Equal($"$env:STRIPE_API_KEY = '{grant.Secret}'", Eval("1m", "pwsh").Lines.First());
    }

    [Fact]
    public void AnUnknownShell_IsExit2_AndNothingIsMinted()
    {
        var result = Eval("1m", "tcsh");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        Assert.Contains("[FAIL] Unknown shell 'tcsh'", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(grant.Minted);
    }

    [Fact]
    public async Task AnExpiredEvalGrant_IsRevokedByTheNextDialtoneCommand()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Assert.Equal(0, EvalInProcess(time, "2s").ExitCode);
        Assert.Empty(grant.Revoked);
        time.Advance(TimeSpan.FromSeconds(2.2));

        var next = NextCommand(time);

        Assert.True(next.ExitCode == 0, string.Join('\n', next.Lines));
        Assert.True(await GrantRepo.Eventually(() => grant.Revoked.Length == 1), "the revoke command did not run");
        Assert.StartsWith("1 expired ", grant.Revoked[0], StringComparison.Ordinal);
        var lease = grant.Run("ticket", "grant", "list", "--json").Json.GetProperty("data").GetProperty("leases")[0];
        Assert.Equal("expired", lease.GetProperty("state").GetString());
        Assert.StartsWith("started in the background", lease.GetProperty("revokeStatus").GetString(), StringComparison.Ordinal);

        // Once: later commands find nothing left to revoke. A revoke starts only after its claim, which is logged with it.
        time.Advance(TimeSpan.FromMinutes(1));
        NextCommand(time);
        Assert.Equal(1, ExpiryLogLines());
        Assert.Single(grant.Revoked);
    }

    [Fact]
    public async Task ABrokenRevokeCommand_NeverBreaksTheNextCommand()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Assert.Equal(0, EvalInProcess(time, "1s").ExitCode);
        File.Delete(Path.Combine(grant.Repo.Path_, "tools", "revoke.sh"));
        time.Advance(TimeSpan.FromSeconds(1.2));

        var next = NextCommand(time);

        Assert.True(next.ExitCode == 0, string.Join('\n', next.Lines));
        Assert.True(await GrantRepo.Eventually(() => File.Exists(Path.Combine(grant.StoreDirectory, "grant-revoke.log"))
            && File.ReadAllText(Path.Combine(grant.StoreDirectory, "grant-revoke.log")).Contains("revoke.sh", StringComparison.Ordinal)));
    }

    /// <summary>`ticket grant --scope … --duration d --shell bash` in-process, on a clock the test moves.</summary>
    private Reply EvalInProcess(FakeTimeProvider time, string duration)
    {
        using var console = new CapturedGrantConsole();
        var reply = GrantExportUseCase.Run(Workspace.Discover(grant.Repo.Path_, time), console, GrantRepo.Scope, duration, "bash");
        Assert.StartsWith($"export {GrantRepo.Variable}=", console.StdoutText, StringComparison.Ordinal);
        return reply;
    }

    /// <summary>
    /// The next dialtone command, in-process at the fake clock's time: every command opens the store,
    /// and opening it is what revokes expired grants. `ticket grant list` stands in for any of them.
    /// </summary>
    private Reply NextCommand(FakeTimeProvider time) => GrantListUseCase.Run(Workspace.Discover(grant.Repo.Path_, time), all: false, ticket: null);

    private long ExpiryLogLines()
    {
        using var store = Store.Open(StorePaths.ForCommonDir(Path.Combine(grant.Repo.Path_, ".git")));
        return store.Connection.Scalar<long>("SELECT CAST(count(*) AS BIGINT) FROM log WHERE kind = 'grant' AND text LIKE 'grant #1 (stripe-sandbox) expired at %'");
    }

    [Fact]
    public void RevokeNow_RunsTheRevokeCommand_Once()
    {
        Assert.Equal(0, Eval("10m", "bash").ExitCode);

        var revoke = grant.Run("ticket", "grant", "revoke", "#1");

        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Equal("[AUTH] Grant #1 (stripe-sandbox, STRIPE_API_KEY) revoked (revoke command exited 0).", revoke.Lines.Single());
        Assert.StartsWith("1 revoked ", Assert.Single(grant.Revoked), StringComparison.Ordinal);

        var again = grant.Run("ticket", "grant", "revoke", "1");
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("[ticket] Grant #1 already ended (revoked at", again.Lines.Single(), StringComparison.Ordinal);
        Assert.Single(grant.Revoked);

        Assert.Equal("[ticket] No active grants.", grant.Run("ticket", "grant", "revoke", "--all").Lines.Single());
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
        Assert.Equal(0, Eval("10m", "bash").ExitCode);
        grant.Script("tools/revoke.sh", "echo 'issuer unreachable' >&2; exit 9");

        var result = grant.Run("ticket", "grant", "revoke", "--all");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the revoke command failed (exit 9)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("issuer unreachable", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("DIALTONE_GRANT_ID=1 tools/revoke.sh", result.Lines.Last(), StringComparison.Ordinal);
    }

    public void Dispose() => grant.Dispose();
}
