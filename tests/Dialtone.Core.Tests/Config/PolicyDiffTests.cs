using Dialtone.Core.Config;

namespace Dialtone.Core.Tests.Config;

/// <summary>An agent may watch more docs; every other change to the config is the human's policy.</summary>
public sealed class PolicyDiffTests
{
    private const string Base = """
        {
          // the team's settings
          "test": { "timeoutSeconds": 600 },
          "alerts": { "watch": ["docs/**/*.md", "api/*.yaml"] },
          "grants": { "stripe-sandbox": { "env": "STRIPE_API_KEY", "mint": "tools/mint.sh", "maxDuration": "1h" } }
        }
        """;

    [Fact]
    public void NoChange_AndReformatting_AreNotPolicy()
    {
        Assert.Empty(PolicyDiff.Changes(Base, Base));
        Assert.Empty(PolicyDiff.Changes(Base, Base.Replace("\n", "\n\n", StringComparison.Ordinal).Replace("// the team's settings", "", StringComparison.Ordinal)));
        Assert.Empty(PolicyDiff.Changes(null, null));
    }

    [Fact]
    public void AddingAWatchPattern_IsAllowed()
    {
        var after = Base.Replace("\"api/*.yaml\"]", "\"api/*.yaml\", \"specs/**\"]", StringComparison.Ordinal);

        Assert.Empty(PolicyDiff.Changes(Base, after));
    }

    [Fact]
    public void AConfigThatOnlyWatchesMore_IsAllowed_EvenWhereThereWasNone()
    {
        var defaults = "{ \"alerts\": { \"watch\": [\"docs/**/*.md\", \"**/*spec*.{md,yaml,yml,json}\", \"**/*openapi*.{yaml,yml,json}\", \"**/*swagger*.{yaml,yml,json}\", \"design/*.md\"] } }";

        Assert.Empty(PolicyDiff.Changes(null, defaults));
    }

    [Fact]
    public void TheAttackFromTheField_IsThreePolicyChanges()
    {
        // A 24 h grant scope, watching switched off, the test timeout raised.
        var after = """
            {
              "test": { "timeoutSeconds": 86400 },
              "alerts": { "watch": [] },
              "grants": {
                "stripe-sandbox": { "env": "STRIPE_API_KEY", "mint": "tools/mint.sh", "maxDuration": "1h" },
                "prod": { "env": "PROD_KEY", "mint": "tools/mint.sh", "maxDuration": "24h" }
              }
            }
            """;

        var changes = PolicyDiff.Changes(Base, after);

        Assert.Equal(
            [
                "'test.timeoutSeconds' changed from 600 to 86400",
                "'alerts.watch' no longer watches 'docs/**/*.md'",
                "'alerts.watch' no longer watches 'api/*.yaml'",
                "'grants.prod' was added",
            ],
            changes);
    }

    [Fact]
    public void RemovingADefaultWatchPattern_IsPolicy()
    {
        var after = "{ \"alerts\": { \"watch\": [\"docs/**/*.md\"] } }";

        var changes = PolicyDiff.Changes(null, after);

        Assert.Contains("'alerts.watch' no longer watches '**/*spec*.{md,yaml,yml,json}'", changes);
    }

    [Fact]
    public void RemovingTheFile_OrAKey_IsPolicy()
    {
        Assert.Contains(".dialtone/config.json was removed", PolicyDiff.Changes(Base, null));
        Assert.Contains("'grants' was removed", PolicyDiff.Changes(Base, Base.Replace(
            ",\n  \"grants\": { \"stripe-sandbox\": { \"env\": \"STRIPE_API_KEY\", \"mint\": \"tools/mint.sh\", \"maxDuration\": \"1h\" } }", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void AFileThatDoesNotParse_IsPolicy()
    {
        Assert.Contains(".dialtone/config.json is not valid JSON", PolicyDiff.Changes(Base, "{ not json"));
    }
}
