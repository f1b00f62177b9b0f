using Dialtone.Core.DocDiff;

namespace Dialtone.Core.Tests.DocDiff;

/// <summary>Files that do not parse (or have no known format) are diffed line by line, with the same rename pairing.</summary>
public sealed class LineFallbackTests
{
    private const string Broken = """
        webhook:
          url: [unclosed
          webhook_url: string, required, the HTTPS URL events go to
          secret: string, required, signs each delivery
          retry_limit: integer, optional, attempts before disabling
        """;

    [Fact]
    public void InvalidYaml_FallsBackToLines_AndPairsTheEditedLine()
    {
        var after = Broken.Edit("webhook_url: string, required, the HTTPS URL events go to", "callback_uri: string, required, the HTTPS URL events go to");

        var result = DocDiffer.Diff("api.yaml", Broken, after);

        Assert.True(result.FellBack);
        Assert.Equal(DocFormat.Lines, result.Format);
        Assert.Equal(["Line 3 changed from 'webhook_url: string, required, the HTTPS URL events go to' to 'callback_uri: string, required, the HTTPS URL events go to'."], result.Changes.Select(c => c.Text));
    }

    [Fact]
    public void OneSideInvalid_ReadsBothSidesAsLines()
    {
        const string valid = "webhook_url: https://example.test\nsecret: abc\n";
        const string invalid = "webhook_url: https://example.test\nsecret: [abc\n";

        var result = DocDiffer.Diff("config.yaml", valid, invalid);

        Assert.True(result.FellBack);
        Assert.Equal(["Line 2 changed from 'secret: abc' to 'secret: [abc'."], result.Changes.Select(c => c.Text));
    }

    [Fact]
    public void MovedAndReindentedLines_RaiseNothing()
    {
        var after = "  retry_limit: integer, optional, attempts before disabling\n" + Broken.Edit("  retry_limit: integer, optional, attempts before disabling", "").Replace("  secret:", "      secret:", StringComparison.Ordinal) + "\n\n";

        Assert.Empty(Corpus.Diff("api.yaml", Broken, after));
    }

    [Fact]
    public void AddedAndRemovedLines_AreNumbered()
    {
        const string before = "alpha line one\nbeta line two\ngamma line three\n";
        const string after = "alpha line one\ngamma line three\ndelta is entirely new here\n";

        Assert.Equal(["Line 2 removed: 'beta line two'.", "Line 3 added: 'delta is entirely new here'."], Corpus.Diff("NOTES.txt", before, after));
    }
}
