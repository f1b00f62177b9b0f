namespace Dialtone.Cli.Tests.Grants;

/// <summary>Signals sent to `ticket grant` reach the command; the grant still ends with its revoke command. A concurrent `grant revoke` stops the command.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GrantSignalTests : IDisposable
{
    private readonly GrantRepo grant = new();

    private RunningCli StartLoop(string signal, int exitCode) => grant.Start(
        "ticket", "grant", "--scope", GrantRepo.Scope, "--duration", "5m", "--",
        "sh", "-c", $"trap 'echo got-{signal}; exit {exitCode}' {signal}; echo ready; while :; do sleep 0.1; done");

    [Theory]
    [InlineData("INT", 42)]
    [InlineData("TERM", 43)]
    public async Task ASignal_IsForwardedToTheCommand_ThenTheGrantIsRevoked(string signal, int exitCode)
    {
        using var running = StartLoop(signal, exitCode);
        Assert.True(await running.WaitForOutput("ready"), running.StdErr);

        await running.Signal(signal);
        var result = await running.Finish();

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Equal($"ready\ngot-{signal}\n", result.StdOut);
        Assert.Contains($"the command exited {exitCode} after", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"(SIG{signal} forwarded to it)", result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("1 finished ", Assert.Single(grant.Revoked), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingARunningGrant_StopsItsCommand_AndRevokesOnce()
    {
        using var running = StartLoop("HUP", 1);
        Assert.True(await running.WaitForOutput("ready"), running.StdErr);

        var revoke = grant.Run("ticket", "grant", "revoke", "1");
        var result = await running.Finish();

        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.StartsWith("[ticket] Grant #1: stopped the command it ran (pid ", revoke.Lines.First(), StringComparison.Ordinal);
        Assert.Contains("[AUTH] Grant #1 had already been revoked (ticket grant revoke) while the command ran.", result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("1 revoked ", Assert.Single(grant.Revoked), StringComparison.Ordinal);
        Assert.Equal(128 + 15, result.ExitCode);
    }

    public void Dispose() => grant.Dispose();
}
