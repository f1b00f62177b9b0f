using System.Text.Json;
using Dialtone.Core.Config;
using Dialtone.Core.Grants;

namespace Dialtone.Core.Tests.Grants;

/// <summary>The `grants` section of .dialtone/config.json, in the shape docs/grants.md gives.</summary>
public sealed class GrantScopesTests : IDisposable
{
    private readonly string workTree = Directory.CreateTempSubdirectory("dialtone-grant-config-").FullName;

    private static IReadOnlyDictionary<string, GrantScope> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return GrantScopes.Parse(document.RootElement);
    }

    [Fact]
    public void TheDesignShape_Parses()
    {
        var scopes = Parse("""{ "grants": { "stripe-sandbox": { "env": "STRIPE_API_KEY", "mint": "tools/mint.sh", "revoke": "tools/revoke.sh", "maxDuration": "1h" } } }""");

        var scope = Assert.Single(scopes).Value;
        Assert.Equal("stripe-sandbox", scope.Name);
        Assert.Equal("STRIPE_API_KEY", scope.Env);
        Assert.Equal("tools/mint.sh", scope.Mint.Shell);
        Assert.Equal("tools/revoke.sh", scope.Revoke!.Shell);
        Assert.Equal(TimeSpan.FromHours(1), scope.MaxDuration);
        Assert.Equal(GrantScope.DefaultGrace, scope.Grace);
    }

    [Fact]
    public void ArgumentLists_OptionalRevoke_AndDefaults()
    {
        var scope = Parse("""{ "grants": { "gh": { "env": "GH_TOKEN", "mint": ["tools/mint token", "--scope", "repo"], "grace": "2s" } } }""")["gh"];

        Assert.Null(scope.Mint.Shell);
        Assert.Equal(["tools/mint token", "--scope", "repo"], scope.Mint.Arguments);
        Assert.Equal("'tools/mint token' --scope repo", scope.Mint.Display);
        Assert.Null(scope.Revoke);
        Assert.Equal(GrantScope.DefaultMaxDuration, scope.MaxDuration);
        Assert.Equal(TimeSpan.FromSeconds(2), scope.Grace);
    }

    [Fact]
    public void NoGrantsSection_IsNoScopes() => Assert.Empty(Parse("""{ "summary": { "maxAgeMinutes": 5 } }"""));

    [Theory]
    [InlineData("""{ "grants": [] }""", "'grants' must be an object")]
    [InlineData("""{ "grants": { "Bad Name": { "env": "X_KEY", "mint": "m" } } }""", "scope names use lowercase")]
    [InlineData("""{ "grants": { "s": { "mint": "m" } } }""", "'grants.s.env' must name")]
    [InlineData("""{ "grants": { "s": { "env": "1KEY", "mint": "m" } } }""", "use letters, digits and underscores")]
    [InlineData("""{ "grants": { "s": { "env": "PATH", "mint": "m" } } }""", "reserved")]
    [InlineData("""{ "grants": { "s": { "env": "LD_PRELOAD", "mint": "m" } } }""", "reserved")]
    [InlineData("""{ "grants": { "s": { "env": "DIALTONE_X", "mint": "m" } } }""", "reserved")]
    [InlineData("""{ "grants": { "s": { "env": "KEY" } } }""", "'grants.s.mint' is missing")]
    [InlineData("""{ "grants": { "s": { "env": "KEY", "mint": "" } } }""", "'grants.s.mint' must be a command")]
    [InlineData("""{ "grants": { "s": { "env": "KEY", "mint": [] } } }""", "'grants.s.mint' must be a command")]
    [InlineData("""{ "grants": { "s": { "env": "KEY", "mint": [1] } } }""", "'grants.s.mint' must be a command")]
    [InlineData("""{ "grants": { "s": { "env": "KEY", "mint": "m", "maxDuration": 60 } } }""", "'grants.s.maxDuration' must be a duration")]
    [InlineData("""{ "grants": { "s": { "env": "KEY", "mint": "m", "maxDuration": "2 days" } } }""", "'grants.s.maxDuration' must be a duration")]
    [InlineData("""{ "grants": { "s": { "env": "KEY", "mint": "m", "revoek": "r" } } }""", "'grants.s.revoek' is not a grant setting")]
    public void Mistakes_NameTheKey(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => Parse(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConfigLoader_TurnsMistakesIntoExit2()
    {
        Directory.CreateDirectory(Path.Combine(workTree, ".dialtone"));
        File.WriteAllText(Path.Combine(workTree, ".dialtone", "config.json"), """
            {
              // comments are allowed
              "grants": { "s": { "env": "KEY", "mint": "m", "maxDuration": "forever" } },
            }
            """);

        var error = Assert.Throws<DialtoneError>(() => DialtoneConfig.Load(workTree));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains("'grants.s.maxDuration'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConfigLoader_ReadsScopes()
    {
        Directory.CreateDirectory(Path.Combine(workTree, ".dialtone"));
        File.WriteAllText(Path.Combine(workTree, ".dialtone", "config.json"), """{ "grants": { "s": { "env": "KEY", "mint": "m", "maxDuration": "10m" } } }""");

        Assert.Equal(TimeSpan.FromMinutes(10), DialtoneConfig.Load(workTree).Grants["s"].MaxDuration);
        Assert.Empty(DialtoneConfig.Load(Path.Combine(workTree, "elsewhere")).Grants);
    }

    [Fact]
    public void StoredCommands_RoundTrip()
    {
        var shell = ToolCommand.ForShell("tools/revoke.sh --all");
        var list = ToolCommand.ForArguments(["tools/revoke.sh", "it's", "two words"]);

        Assert.Equal("tools/revoke.sh --all", ToolCommand.ParseStored(shell.ToJson())!.Shell);
        Assert.Equal(list.Arguments, ToolCommand.ParseStored(list.ToJson())!.Arguments);
        Assert.Null(ToolCommand.ParseStored(null));
    }

    public void Dispose() => Directory.Delete(workTree, recursive: true);
}
