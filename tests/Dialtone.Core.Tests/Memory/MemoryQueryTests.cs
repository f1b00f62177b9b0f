using Dialtone.Core.Memory;

namespace Dialtone.Core.Tests.Memory;

public sealed class MemoryQueryTests
{
    [Fact]
    public void From_TakesDistinctTermsAndFiles_FromTextAndTheBranch()
    {
        var query = MemoryQuery.From(
            ["stripe-webhooks", "Verify Stripe webhooks in src/Payments/Hook.cs and SignatureVerifier.cs, see https://stripe.com/docs."],
            ["./src/Payments/Hook.cs", "README.md", ".dialtone/tickets/x.json"]);

        Assert.Equal(["stripe", "webhook", "payment", "hook", "signature", "verifier", "signatureverifier", "doc"], query.Terms);
        Assert.Equal(["src/Payments/Hook.cs", "SignatureVerifier.cs", "README.md"], query.Files);
        Assert.Equal("stripe webhook payment hook signature verifier signatureverifier doc", query.TermsParameter);
    }

    [Theory]
    [InlineData("look at lib/retry.py now", "lib/retry.py")]
    [InlineData("ThumbnailGenerator.cs rotates photos", "ThumbnailGenerator.cs")]
    [InlineData("e.g. this, i.e. that", "")]
    [InlineData("version 2.4.1", "")]
    [InlineData("see http://example.com/a/b", "")]
    [InlineData(@"edit src\Web\Program.cs", @"src\Web\Program.cs")]
    public void FileMentions_ArePathsOrFileNames(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', MemoryQuery.FileMentions(text)));
    }

    [Fact]
    public void AQueryOfStopWordsOnly_IsEmpty()
    {
        Assert.True(MemoryQuery.From(["fix the test", "it should pass"], []).IsEmpty);
    }

    [Fact]
    public void LongDescriptions_AreCut_AtMaxTerms()
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}"));
        Assert.Equal(MemoryQuery.MaxTerms, MemoryQuery.From([text], []).Terms.Count);
    }
}
