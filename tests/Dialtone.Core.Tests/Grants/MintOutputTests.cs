using System.Text;
using Dialtone.Core.Grants;

namespace Dialtone.Core.Tests.Grants;

public sealed class MintOutputTests
{
    private static MintOutput? Parse(string stdout, out string? problem) => MintOutput.TryParse(Encoding.UTF8.GetBytes(stdout), out problem);

    [Fact]
    public void SecretOnly()
    {
        var output = Parse("sk_test_abcdefgh\n", out _)!;

        Assert.Equal("sk_test_abcdefgh", output.Secret);
        Assert.Null(output.ExpiresAt);
    }

    [Theory]
    [InlineData("sk_test_abcdefgh\r\n2026-11-21T09:15:00Z\r\n")]
    [InlineData("sk_test_abcdefgh\n2026-11-21T10:15:00+01:00\n")]
    [InlineData("sk_test_abcdefgh\n1795252500\nextra lines are ignored\n")]
    public void SecretAndExpiry(string stdout)
    {
        var output = Parse(stdout, out _)!;

        Assert.Equal("sk_test_abcdefgh", output.Secret);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 15, 0, TimeSpan.Zero), output.ExpiresAt);
    }

    [Theory]
    [InlineData("", "printed no secret")]
    [InlineData("\nsk_test_abcdefgh\n", "printed no secret")]
    [InlineData("short\n", "at least 8 are needed")]
    [InlineData("sk_test_\u0007bell\n", "control characters")]
    [InlineData("sk_test_abcdefgh\nnext tuesday\n", "second line is not an expiry")]
    public void Problems_NeverQuoteTheOutput(string stdout, string expected)
    {
        Assert.Null(Parse(stdout, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_test", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("tuesday", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NonUtf8_IsAProblem()
    {
        Assert.Null(MintOutput.TryParse([0xff, 0xfe, 0x41], out var problem));
        Assert.Contains("not UTF-8", problem, StringComparison.Ordinal);
    }
}
