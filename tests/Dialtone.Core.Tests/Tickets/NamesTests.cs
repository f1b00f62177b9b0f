using Dialtone.Core.Tickets;

namespace Dialtone.Core.Tests.Tickets;

public sealed class NamesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("demo")]
    [InlineData("fix-login-timeout")]
    [InlineData("v2")]
    [InlineData("1")]
    [InlineData("a--b")]
    public void ValidNames(string name) => Assert.True(Names.IsValid(name));

    [Theory]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("A")]
    [InlineData("a_b")]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    [InlineData("..")]
    [InlineData("é")]
    [InlineData("a\n")]
    public void InvalidNames(string name) => Assert.False(Names.IsValid(name));

    [Fact]
    public void LengthLimit_Is64()
    {
        Assert.True(Names.IsValid(new string('a', 64)));
        Assert.False(Names.IsValid(new string('a', 65)));
    }

    [Fact]
    public void Require_ExplainsAndShowsExample()
    {
        var error = Assert.Throws<DialtoneError>(() => Names.Require("Bad Name", "ticket", "./dialtone.sh ticket start good-name"));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains("'Bad Name'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Example: ./dialtone.sh ticket start good-name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_TooLong_SaysHowLong()
    {
        var error = Assert.Throws<DialtoneError>(() => Names.Require(new string('a', 70), "ticket", "x"));

        Assert.Contains("70 characters long (at most 64)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printable_ReplacesControlCharactersAndShortens()
    {
        Assert.Equal("a?b", Names.Printable("a\nb"));
        Assert.Equal("abc…", Names.Printable("abcdef", 3));
    }
}
