using Dialtone.Cli.Tests.Loop;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>Bad input is exit 2 before anything is minted; a failing mint is exit 3 and grants nothing.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GrantUsageTests : IDisposable
{
    private readonly GrantRepo grant = new(maxDuration: "1h");

    private static string LastLine(CliResult result) => result.StdErr.TrimEnd().Split('\n')[^1];

    private void AssertUsage(CliResult result, string message)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] ", LastLine(result), StringComparison.Ordinal);
        Assert.Empty(grant.Minted);
    }

    [Fact]
    public void UnknownScope() => AssertUsage(
        grant.Run("ticket", "grant", "--scope", "aws-prod", "--duration", "10m", "--", "true"),
        "[FAIL] Unknown grant scope 'aws-prod': configured scopes are stripe-sandbox.");

    [Theory]
    [InlineData("10", "'10' has no unit")]
    [InlineData("soon", "'soon' is not a duration")]
    [InlineData("0s", "shorter than the minimum")]
    [InlineData("1.5h", "is not a duration")]
    public void BadDurations(string duration, string message) =>
        AssertUsage(grant.Grant(duration, "true"), message);

    [Fact]
    public void AboveTheScopesMaximum_IsRefused_WithTheLongestAllowed()
    {
        var result = grant.Grant("2h", "true");

        AssertUsage(result, "--duration 2h is longer than scope 'stripe-sandbox' allows (maxDuration 1h).");
        Assert.Equal("[ACTION] ./dialtone.sh ticket grant --scope stripe-sandbox --duration 1h -- true", LastLine(result));
    }

    [Fact]
    public void MissingScopeOrDuration()
    {
        AssertUsage(grant.Run("ticket", "grant", "--duration", "1m", "--", "true"), "--scope is required: one of stripe-sandbox.");
        AssertUsage(grant.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--", "true"), "--duration is required");
    }

    [Fact]
    public void TheCommandNeedsTheDoubleDash()
    {
        var result = grant.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--duration", "1m", "echo", "hi");

        AssertUsage(result, "Put `--` before the command");
        Assert.Equal("[ACTION] ./dialtone.sh ticket grant --scope stripe-sandbox --duration 1m -- echo hi", LastLine(result));
        AssertUsage(grant.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--duration", "1m", "--"), "Nothing follows `--`");
    }

    [Fact]
    public void ACommandThatDoesNotExist_IsRefusedBeforeMinting() =>
        AssertUsage(grant.Grant("1m", "no-such-program-anywhere"), "'no-such-program-anywhere' was not found on PATH. Nothing was minted.");

    [Fact]
    public void NoCurrentTicket()
    {
        grant.Repo.Git("switch", "-q", "main");

        AssertUsage(grant.Grant("1m", "true"), "No ticket on branch 'main'.");
    }

    [Fact]
    public void ABrokenGrantsSection_NamesTheKey()
    {
        Story.WriteConfig(grant.Repo, """{ "grants": { "stripe-sandbox": { "env": "STRIPE_API_KEY", "mint": "tools/mint.sh", "maxDuration": "a while" } } }""");

        AssertUsage(grant.Grant("1m", "true"), "'grants.stripe-sandbox.maxDuration' must be a duration");
    }

    [Fact]
    public void AFailingMint_IsExit3_SaysWhy_AndGrantsNothing()
    {
        grant.Script("tools/mint.sh", "echo 'vault is sealed' >&2; exit 1");

        var result = grant.Grant("1m", "sh", "-c", "echo should-not-run");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("", result.StdOut);
        Assert.Contains("[FAIL] The mint command of scope 'stripe-sandbox' failed (exit 1); no credential was granted. It said: vault is sealed", result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] (cd ", LastLine(result), StringComparison.Ordinal);
        Assert.Empty(grant.Revoked);
        var lease = grant.Run("ticket", "grant", "list", "--json").Json.GetProperty("data").GetProperty("leases")[0];
        Assert.Equal("mint-failed", lease.GetProperty("state").GetString());
    }

    [Fact]
    public void AMintThatPrintsNoSecret_IsExit3_AndWhatItMayHaveMintedIsRevoked()
    {
        grant.Script("tools/mint.sh", "echo");

        var result = grant.Grant("1m", "true");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("printed no usable credential: it printed no secret on its first line", result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("1 mint-failed", Assert.Single(grant.Revoked), StringComparison.Ordinal);
    }

    [Fact]
    public void AMintExpiry_ShortensTheGrant()
    {
        var soon = DateTimeOffset.UtcNow.AddMinutes(3).ToUnixTimeSeconds();
        grant.Script("tools/mint.sh", $"echo sk_test_shortlived_123456; echo {soon}");

        var result = grant.Grant("10m", "sh", "-c", "echo \"$DIALTONE_GRANT_EXPIRES_AT\"");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(soon).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), result.StdOut.Trim());
        Assert.Contains("shortened to the mint command's expiry", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void AMintExpiryInThePast_AbortsAndRevokes()
    {
        grant.Script("tools/mint.sh", "echo sk_test_already_dead_123; echo 2020-01-01T00:00:00Z");

        var result = grant.Grant("10m", "true");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("expires at 2020-01-01T00:00:00Z, which is not in the future", result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("1 aborted", Assert.Single(grant.Revoked), StringComparison.Ordinal);
    }

    [Fact]
    public void AFailureAfterMinting_RevokesTheCredential()
    {
        File.WriteAllBytes(Path.Combine(grant.StoreDirectory, "grant-fingerprint.key"), [1, 2, 3]);

        var result = grant.Grant("1m", "sh", "-c", "echo should-not-run");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("", result.StdOut);
        Assert.Contains("grant-fingerprint.key' is damaged", result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("1 aborted", Assert.Single(grant.Revoked), StringComparison.Ordinal);
    }

    public void Dispose() => grant.Dispose();
}
