using System.Globalization;
using System.Text.Json;
using Dialtone.Cli.Tests.Loop;
using Dialtone.Git.Processes;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>`ticket grant … -- &lt;cmd&gt;` end to end: the real CLI, a real mint script, real child processes.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GrantRunTests : IDisposable
{
    private readonly GrantRepo grant = new();

    private string Outside(string name) => Story.Quote(Path.Combine(grant.Outside, name));

    [Fact]
    public void TheCommandSeesTheVariable_DialtoneSaysSo_AndTheRevokeCommandRuns()
    {
        var result = grant.Grant("10m", "sh", "-c", $"printf '%s' \"$STRIPE_API_KEY\" > {Outside("seen")}; echo \"expires=$DIALTONE_GRANT_EXPIRES_AT\"");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(grant.Secret, File.ReadAllText(Path.Combine(grant.Outside, "seen")));
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("[AUTH] Temporary API key granted for 10 minutes (grant #1, scope 'stripe-sandbox').", lines[0]);
        Assert.Equal("[ENV] STRIPE_API_KEY exported to the command's environment.", lines[1]);
        Assert.Matches(@"^\[WARN\] Key will automatically expire at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.$", lines[2]);
        Assert.StartsWith("[ticket] Grant #1: the command exited 0 after", lines[^2], StringComparison.Ordinal);
        Assert.Equal("[AUTH] STRIPE_API_KEY revoked (`tools/revoke.sh` exited 0).", lines[^1]);

        // stdout is the command's alone.
        var expires = DateTimeOffset.Parse(result.StdOut.Trim()["expires=".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));

        Assert.Equal(["1 stripe-sandbox STRIPE_API_KEY demo 600"], grant.Minted);
        var revoked = Assert.Single(grant.Revoked);
        Assert.Matches("^1 finished [0-9a-f]{64}$", revoked);
    }

    [Fact]
    public void EveryFormOfTheSecret_IsMaskedInStdoutAndStderr_EvenSplitAcrossWrites()
    {
        var urlEncoded = Uri.EscapeDataString("user=" + grant.Secret + "&x=/");
        var script = """
            printf '%s\n' "$STRIPE_API_KEY"
            printf 'user:%s' "$STRIPE_API_KEY" | base64
            head=$(printf '%s' "$STRIPE_API_KEY" | cut -c1-12); tail=$(printf '%s' "$STRIPE_API_KEY" | cut -c13-)
            printf 'split=%s' "$head"; sleep 0.3; printf '%s\n' "$tail"
            echo "url=$1"
            printf 'err=%s\n' "$STRIPE_API_KEY" >&2
            echo "safe output"
            """;

        var result = grant.Grant("10m", "sh", "-c", script, "masking-test", urlEncoded);

        Assert.True(result.ExitCode == 0, result.ToString());
        grant.AssertNoLeak("stdout", result.StdOut);
        grant.AssertNoLeak("stderr", result.StdErr);
        Assert.DoesNotContain(urlEncoded, result.StdErr, StringComparison.Ordinal);
        var stdout = result.StdOut.Split('\n');
        Assert.Equal(GrantRepo.Redacted, stdout[0]);
        Assert.Contains(GrantRepo.Redacted, stdout[1], StringComparison.Ordinal);
        Assert.Equal($"split={GrantRepo.Redacted}", stdout[2]);
        Assert.Equal($"url=user%3D{GrantRepo.Redacted}%26x%3D%2F", stdout[3]);
        Assert.Equal("safe output", stdout[4]);
        Assert.Contains($"err={GrantRepo.Redacted}", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void AtExpiry_TheCommandAndEverythingItStarted_AreStopped_AndTheKeyRevoked()
    {
        var script = $"echo $$ > {Outside("pid")}; (sleep 60 & echo $! > {Outside("orphan")}); echo started; while :; do sleep 0.1; done";

        var result = grant.Grant("2s", "sh", "-c", script);

        Assert.True(result.ExitCode == 124, result.ToString());
        Assert.Equal("started\n", result.StdOut);
        Assert.Contains(result.StdErr.Split('\n'), l => l.StartsWith("[FAIL] Grant #1 expired at ", StringComparison.Ordinal));
        Assert.StartsWith("[ACTION] ./dialtone.sh ticket grant --scope stripe-sandbox --duration 4s -- sh -c ", result.StdErr.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
        foreach (var file in new[] { "pid", "orphan" })
        {
            var pid = int.Parse(File.ReadAllText(Path.Combine(grant.Outside, file)).Trim(), CultureInfo.InvariantCulture);
            Assert.False(ProcessTree.IsAlive(pid), $"{file} {pid} still runs");
        }

        Assert.StartsWith("1 expired ", Assert.Single(grant.Revoked), StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommandsExitCode_IsForwarded_WithAnAction()
    {
        var result = grant.Grant("1m", "sh", "-c", "echo failing; exit 5");

        Assert.Equal(5, result.ExitCode);
        var lines = result.StdErr.TrimEnd().Split('\n');
        Assert.StartsWith("[FAIL] Grant #1: the command exited 5 after", lines[^3], StringComparison.Ordinal);
        Assert.StartsWith("[AUTH] STRIPE_API_KEY revoked", lines[^2], StringComparison.Ordinal);
        Assert.Equal("[ACTION] ./dialtone.sh ticket grant --scope stripe-sandbox --duration 1m -- sh -c 'echo failing; exit 5'", lines[^1]);
    }

    [Fact]
    public void ArgumentsAfterTheDoubleDash_ReachTheCommandVerbatim()
    {
        File.WriteAllText(Path.Combine(grant.Repo.Path_, "args.rsp"), "--scope\nnope\n");

        var result = grant.Grant("1m", "printf", "%s|", "--json", "--scope", "@args.rsp", "--", "a b", "-C", "/", "");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("--json|--scope|@args.rsp|--|a b|-C|/||", result.StdOut);
    }

    [Fact]
    public void Json_GoesToStderr_AndStdoutStaysTheCommands()
    {
        var result = grant.Run("ticket", "grant", "--json", "--scope", GrantRepo.Scope, "--duration", "90s", "--", "echo", "hello");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hello\n", result.StdOut);
        var document = JsonDocument.Parse(result.StdErr).RootElement;
        Assert.Equal("ticket grant", document.GetProperty("command").GetString());
        Assert.True(document.GetProperty("ok").GetBoolean());
        var lease = document.GetProperty("data").GetProperty("grant");
        Assert.Equal(1, lease.GetProperty("id").GetInt64());
        Assert.Equal("STRIPE_API_KEY", lease.GetProperty("env").GetString());
        Assert.Equal("run", lease.GetProperty("mode").GetString());
        Assert.Equal("echo hello", lease.GetProperty("command").GetString());
        Assert.Equal("auth", document.GetProperty("lines")[0].GetProperty("tag").GetString());
    }

    [Fact]
    public void GrantList_ShowsTheAuditedLease()
    {
        grant.Grant("10m", "sh", "-c", "echo \"$STRIPE_API_KEY\" >/dev/null; exit 3", grant.Secret);

        var list = grant.Run("ticket", "grant", "list", "--json");

        Assert.True(list.ExitCode == 0, list.ToString());
        grant.AssertNoLeak("grant list", list.StdOut);
        var lease = Assert.Single(list.Json.GetProperty("data").GetProperty("leases").EnumerateArray());
        Assert.Equal("stripe-sandbox", lease.GetProperty("scope").GetString());
        Assert.Equal("demo", lease.GetProperty("ticket").GetString());
        Assert.Equal("finished", lease.GetProperty("state").GetString());
        Assert.Equal("Test User", lease.GetProperty("issuedBy").GetString());
        Assert.Equal(3, lease.GetProperty("exitCode").GetInt32());
        Assert.Equal("ok", lease.GetProperty("revokeStatus").GetString());
        Assert.Matches("^[0-9a-f]{64}$", lease.GetProperty("fingerprint").GetString());
        Assert.Equal($"sh -c 'echo \"$STRIPE_API_KEY\" >/dev/null; exit 3' {GrantRepo.Redacted}", lease.GetProperty("command").GetString());
        Assert.True(lease.GetProperty("pid").GetInt32() > 0);

        var text = grant.Run("ticket", "grant", "list");
        Assert.Equal("[ticket] 1 grant (most recent), 0 active:", text.Lines.First());
        Assert.Contains("#1 finished", text.Lines.ElementAt(1), StringComparison.Ordinal);
    }

    public void Dispose() => grant.Dispose();
}
