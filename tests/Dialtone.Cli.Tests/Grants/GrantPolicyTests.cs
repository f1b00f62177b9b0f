using Dialtone.Cli.Tests.Loop;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>Grant scopes are the human's policy: only the committed ones count, whatever the work tree's config says.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GrantPolicyTests
{
    [Fact]
    public void AScopeAddedToTheWorkTreeOnly_GrantsNothing()
    {
        using var grants = new GrantRepo();
        Story.WriteConfig(grants.Repo, """
            {
              "grants": {
                "stripe-sandbox": { "env": "STRIPE_API_KEY", "mint": "tools/mint.sh", "revoke": "tools/revoke.sh", "maxDuration": "1h", "grace": "1s" },
                "prod": { "env": "PROD_KEY", "mint": "tools/mint.sh", "maxDuration": "24h" }
              }
            }
            """);

        var result = grants.Run("ticket", "grant", "--scope", "prod", "--duration", "24h");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Scope 'prod' in the work tree's .dialtone/config.json is not the one committed at HEAD", result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.Empty(grants.Minted);
    }

    [Fact]
    public void AScopeWhoseMaximumWasRaisedInTheWorkTree_GrantsNothing()
    {
        using var grants = new GrantRepo();
        Story.WriteConfig(grants.Repo, """
            { "grants": { "stripe-sandbox": { "env": "STRIPE_API_KEY", "mint": "tools/mint.sh", "revoke": "tools/revoke.sh", "maxDuration": "24h", "grace": "1s" } } }
            """);

        var result = grants.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--duration", "20h");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(grants.Minted);
    }
}
