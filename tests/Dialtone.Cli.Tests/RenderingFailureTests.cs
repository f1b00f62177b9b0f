using Dialtone.Cli.Commands;
using Dialtone.Core.Output;

namespace Dialtone.Cli.Tests;

/// <summary>Building the --json data runs use-case code; when it throws, the answer keeps the contract.</summary>
public sealed class RenderingFailureTests
{
    [Fact]
    public void DataThatThrowsWhileRendering_IsATaggedFailure_ExitThree_NoStackTrace()
    {
        string? written = null;

        var exitCode = Handler.Respond(
            () => new Reply().Add(Tag.Ticket, "done").Set("broken", () => throw new InvalidOperationException("the data could not be built")),
            json: true,
            "ticket status",
            text => written = text);

        Assert.Equal(3, exitCode);
        Assert.NotNull(written);
        Assert.Contains("\"tag\": \"fail\"", written, StringComparison.Ordinal);
        Assert.Contains("the data could not be built", written, StringComparison.Ordinal);
        Assert.Contains("\"tag\": \"action\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", written, StringComparison.Ordinal);
    }

    [Fact]
    public void TextOutput_IsUnaffectedByData_ThatWouldThrow()
    {
        string? written = null;

        var exitCode = Handler.Respond(
            () => new Reply().Add(Tag.Ticket, "done").Set("broken", () => throw new InvalidOperationException("never built")),
            json: false,
            "ticket status",
            text => written = text);

        Assert.Equal(0, exitCode);
        Assert.Equal("[ticket] done\n", written);
    }
}
