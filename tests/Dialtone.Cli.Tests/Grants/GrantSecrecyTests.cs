using Dialtone.Cli.Tests.Loop;
using Dialtone.Core.Storage;
using Dialtone.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>
/// The secret never lands anywhere Dialtone writes: not the DuckDB file (raw bytes, after the CLI
/// closed it), not the record, not the ticket log, not the revoke log, not Dialtone's own output —
/// however hard the command and its arguments try.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GrantSecrecyTests : IDisposable
{
    private readonly GrantRepo grant = new();

    [Fact]
    public async Task TheSecret_IsNowhereButWhereItWasAskedFor()
    {
        var outputs = new List<CliResult>
        {
            // The secret in the command's output, in its arguments, and in the environment of what it starts.
            grant.Grant("10m", "sh", "-c", "for i in 1 2 3; do echo \"$STRIPE_API_KEY\"; echo \"$1\" >&2; done; env | grep STRIPE", "sh", grant.Secret),
            grant.Grant("2s", "sh", "-c", "echo \"$STRIPE_API_KEY\"; sleep 30"),
            grant.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--duration", "1s", "--shell", "bash", "--json"),
        };

        // The eval grant's second passes, and the next command revokes it: here one in-process, on a clock a minute ahead.
        using (Workspace.Discover(grant.Repo.Path_, new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1))).OpenStore())
        {
        }

        outputs.Add(grant.Run("ticket", "status"));
        Assert.True(await GrantRepo.Eventually(() => grant.Revoked.Length == 3), string.Join('\n', grant.Revoked));
        outputs.Add(grant.Run("ticket", "grant", "list", "--all"));
        outputs.Add(grant.Run("ticket", "grant", "list", "--json"));
        outputs.Add(grant.Run("ticket", "show", "--json"));
        outputs.Add(grant.Run("ticket", "log", "used the sandbox key"));

        foreach (var (result, index) in outputs.Select((r, i) => (r, i)))
        {
            // Eval mode's stdout is the export line itself: the one place the secret is asked for.
            if (index != 2)
            {
                grant.AssertNoLeak($"stdout of command {index}", result.StdOut);
            }

            grant.AssertNoLeak($"stderr of command {index}", result.StdErr);
        }

        Assert.Contains(grant.Secret, outputs[2].StdOut, StringComparison.Ordinal);
        foreach (var (file, bytes) in grant.StoreFiles())
        {
            grant.AssertNoLeak($"store file {file}", bytes);
        }

        grant.AssertNoLeak("the record", File.ReadAllBytes(Story.RecordPath(grant.Repo, "demo")));

        // The ticket log says who was granted what, for how long.
        using var store = Store.Open(StorePaths.ForCommonDir(Path.Combine(grant.Repo.Path_, ".git")));
        using var reader = store.Connection.Query("SELECT text FROM log WHERE kind = 'grant' ORDER BY id");
        var log = new List<string>();
        while (reader.Read())
        {
            log.Add(reader.GetString(0));
        }

        Assert.Contains(log, l => l.StartsWith("grant #1: scope 'stripe-sandbox' (STRIPE_API_KEY) for 10 minutes by Test User, to run `sh -c ", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("grant #3: scope 'stripe-sandbox' (STRIPE_API_KEY) for 1 second by Test User, exported for eval (expiry advisory)", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("grant #2 (stripe-sandbox) ended: was stopped at expiry", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("grant #3 (stripe-sandbox) expired at", StringComparison.Ordinal));
        Assert.All(log, l => grant.AssertNoLeak("ticket log", l));
    }

    public void Dispose() => grant.Dispose();
}
