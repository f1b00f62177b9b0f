using Dialtone.Core.Grants;

namespace Dialtone.Core.Tests.Grants;

public sealed class GrantDurationTests
{
    [Theory]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    [InlineData("90s", 90)]
    [InlineData("1h30m", 5400)]
    [InlineData("2m5s", 125)]
    [InlineData("2s", 2)]
    [InlineData(" 5M ", 300)]
    [InlineData("24h", 86400)]
    public void Parses(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), GrantDuration.TryParse(text, out _));

    [Theory]
    [InlineData("10", "has no unit")]
    [InlineData("", "is not a duration")]
    [InlineData("ten minutes", "is not a duration")]
    [InlineData("-1m", "is not a duration")]
    [InlineData("1.5h", "is not a duration")]
    [InlineData("2d", "is not a duration")]
    [InlineData("0s", "shorter than the minimum")]
    [InlineData("25h", "longer than the maximum")]
    [InlineData("999999999h", "longer than the maximum")]
    public void Refuses_WithTheReason(string text, string reason)
    {
        Assert.Null(GrantDuration.TryParse(text, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThrowsAUsageError()
    {
        var error = Assert.Throws<DialtoneError>(() => GrantDuration.Parse("soon", "--duration"));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.StartsWith("Invalid --duration: 'soon' is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(600, "10 minutes", "10m")]
    [InlineData(3600, "1 hour", "1h")]
    [InlineData(90, "1 minute 30 seconds", "1m30s")]
    [InlineData(5401, "1 hour 30 minutes 1 second", "1h30m1s")]
    [InlineData(2, "2 seconds", "2s")]
    public void Text_AndCompact(int seconds, string text, string compact)
    {
        Assert.Equal(text, GrantDuration.Text(TimeSpan.FromSeconds(seconds)));
        Assert.Equal(compact, GrantDuration.Compact(TimeSpan.FromSeconds(seconds)));
        Assert.Equal(TimeSpan.FromSeconds(seconds), GrantDuration.TryParse(compact, out _));
    }
}
