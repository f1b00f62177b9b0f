using Dialtone.Core.DocDiff;

namespace Dialtone.Core.Tests.DocDiff;

/// <summary>The scores rename pairing is built on.</summary>
public sealed class SimilarityTests
{
    [Fact]
    public void Names_ShareCharacterPairs()
    {
        Assert.Equal(1, Similarity.Name("webhook_url", "WEBHOOK_URL"));
        Assert.InRange(Similarity.Name("webhook_url", "webhook_uri"), 0.85, 0.95);
        Assert.InRange(Similarity.Name("webhook_url", "callback_uri"), 0.0, 0.35);
        Assert.Equal(0, Similarity.Name("a", "b"));
    }

    [Fact]
    public void Dice_CountsSharedWords()
    {
        Assert.Equal(1, Similarity.Dice([], []));
        Assert.Equal(0, Similarity.Dice(["a"], []));
        Assert.Equal(0.5, Similarity.Dice(["a", "b"], ["b", "c"]));
    }

    [Fact]
    public void Thresholds_SeparateRenamesFromPossibleRenames()
    {
        // Same content at the same place is a rename even when the names share nothing.
        Assert.True(Similarity.Score(content: 1, position: 1, name: 0) >= Similarity.ConfidentThreshold);

        // Same content somewhere else is only possibly one.
        var moved = Similarity.Score(content: 1, position: 0.1, name: 0);
        Assert.InRange(moved, Similarity.RenameThreshold, Similarity.ConfidentThreshold - 0.001);

        // Different content at the same place is not a rename.
        Assert.True(Similarity.Score(content: 0, position: 1, name: 0.3) < Similarity.RenameThreshold);
    }

    [Fact]
    public void MovedAndRenamedRow_IsAPossibleRename()
    {
        const string before = """
            | Field | Type | Description |
            |---|---|---|
            | a_field | string | first of the fields in this table |
            | b_field | string | second of the fields in this table |
            | webhook_url | string | HTTPS URL the service posts events to |
            | c_field | string | third of the fields in this table |
            """;
        const string after = """
            | Field | Type | Description |
            |---|---|---|
            | callback_uri | string | HTTPS URL the service posts events to |
            | a_field | string | first of the fields in this table |
            | b_field | string | second of the fields in this table |
            | c_field | string | third of the fields in this table |
            """;

        var change = Assert.Single(DocDiffer.Diff("t.md", before, after).Changes);

        Assert.Equal(ChangeKind.PossiblyRenamed, change.Kind);
        Assert.Equal("Field 'webhook_url' possibly renamed to 'callback_uri'.", change.Text);
    }

    [Fact]
    public void RowsWithNothingButAType_LeanOnTheirNames()
    {
        const string before = "| Field | Type |\n|---|---|\n| id | uuid |\n| retries | integer |\n| fax | string |\n| zip | string |\n";
        var after = before.Replace("| retries |", "| max_retries |", StringComparison.Ordinal).Replace("| fax |", "| mobile |", StringComparison.Ordinal);

        Assert.Equal(
            ["Field 'retries' renamed to 'max_retries'.", "Field 'fax' possibly renamed to 'mobile'."],
            DocDiffer.Diff("t.md", before, after).Changes.Select(c => c.Text));
    }

    [Fact]
    public void TextDelta_ShowsTheDifferingWords()
    {
        var (was, now) = TextDelta.Excerpt(
            "Each delivery is a POST with a JSON body and an X-Signature header and it times out after 10 seconds on the client.",
            "Each delivery is a POST with a JSON body and an X-Signature header and it times out after 30 seconds on the client.");

        Assert.Equal("…out after 10 seconds on…", was);
        Assert.Equal("…out after 30 seconds on…", now);
    }
}
