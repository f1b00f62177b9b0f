using Dialtone.Core.Memory;

namespace Dialtone.Core.Tests.Memory;

public sealed class TokenizerTests
{
    [Theory]
    [InlineData("stripe-webhook-signature", "stripe webhook signature")]
    [InlineData("parse_config_file", "parse config file")]
    [InlineData("StripeWebhookController", "stripe webhook controller stripewebhookcontroller")]
    [InlineData("SQLQuery timeout", "sql query sqlquery timeout")]
    [InlineData("oauth2Client", "oauth2 client oauth2client")]
    [InlineData("src/Payments/RefundService.cs", "payment refund service refundservice")]
    [InlineData("Retries, caches & webhooks", "retry cache webhook")]
    [InlineData("status process analysis", "status process analysis")]
    [InlineData("Fix the bug: add a new test that passes", "")]
    [InlineData("Release 2.4.1 on 2026-11-21", "release")]
    [InlineData("a b c x y", "")]
    [InlineData("Crème brûlée", "crème brûlée")]
    public void Terms_SplitLowercaseDropStopWordsAndFoldPlurals(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', Tokenizer.Terms(text)));
    }

    [Fact]
    public void Terms_KeepRepeats_AndCutVeryLongWords()
    {
        Assert.Equal(["webhook", "webhook"], Tokenizer.Terms("webhook Webhooks"));
        var term = Assert.Single(Tokenizer.Terms(new string('a', 80)));
        Assert.Equal(Tokenizer.MaxTermLength, term.Length);
    }

    [Fact]
    public void Count_WeighsEachOccurrence()
    {
        var counts = new Dictionary<string, double>();
        Tokenizer.Count("stripe webhook", 3, counts);
        Tokenizer.Count("Stripe refunds", 1, counts);

        Assert.Equal(4, counts["stripe"]);
        Assert.Equal(3, counts["webhook"]);
        Assert.Equal(1, counts["refund"]);
    }

    [Theory]
    [InlineData("retries", "retry")]
    [InlineData("webhooks", "webhook")]
    [InlineData("caches", "cache")]
    [InlineData("status", "status")]
    [InlineData("class", "class")]
    [InlineData("does", "does")]
    [InlineData("bus", "bus")]
    public void Stem_FoldsPluralsOnly(string word, string stem) => Assert.Equal(stem, Tokenizer.Stem(word));
}
