using Dialtone.Core.Grants;

namespace Dialtone.Core.Tests.Grants;

public sealed class InheritedGrantsTests
{
    [Fact]
    public void TheVariablesDialtoneGrantEnvNames_AreMasked()
    {
        var environment = new Dictionary<string, string?>
        {
            ["DIALTONE_GRANT_ENV"] = "STRIPE_API_KEY:GH_TOKEN:UNSET_ONE",
            ["STRIPE_API_KEY"] = "sk_test_inherited_1234",
            ["GH_TOKEN"] = "ghp_inherited_5678",
        };

        var grants = InheritedGrants.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.Equal(["STRIPE_API_KEY", "GH_TOKEN"], grants.Select(g => g.Variable));
        Assert.Equal(
            "a <redacted:STRIPE_API_KEY> b <redacted:GH_TOKEN>",
            InheritedGrants.Mask("a sk_test_inherited_1234 b ghp_inherited_5678", grants));
    }

    [Fact]
    public void OutsideAGrant_NothingIsMasked() =>
        Assert.Empty(InheritedGrants.FromEnvironment(_ => null));

    [Fact]
    public void NestedGrants_AppendTheirVariable() =>
        Assert.Equal("A_KEY:B_KEY", InheritedGrants.Append(InheritedGrants.Append(null, "A_KEY"), "B_KEY"));
}
