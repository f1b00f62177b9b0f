namespace Dialtone.Core.DocDiff;

/// <summary>
/// One element of a parsed design doc: a section, table row, YAML/JSON key, list item or line. The
/// diff matches nodes by <see cref="Kind"/> and <see cref="Key"/>, and pairs the rest as renames by
/// the similarity of everything but their names.
/// </summary>
public sealed class DocNode
{
    private HashSet<string>? tokens;

    public required NodeKind Kind { get; init; }

    /// <summary>Identity among siblings (normalised text).</summary>
    public required string Key { get; init; }

    /// <summary>How the element is named in messages: a key, a dotted path, a heading.</summary>
    public required string Name { get; init; }

    /// <summary>What the element is called in messages: Field, Section, Parameter, Row, …</summary>
    public string Noun { get; init; } = "Field";

    /// <summary>" in section 'Webhooks'", " in schema 'Order'", or empty: where the element lives.</summary>
    public string Location { get; set; } = "";

    /// <summary>True when messages always carry <see cref="Location"/>; otherwise only when the name is ambiguous.</summary>
    public bool AlwaysLocate { get; init; }

    public string? Type { get; set; }

    public bool? Required { get; set; }

    /// <summary>The element's own content, whitespace-normalised: compared for "changed".</summary>
    public string Text { get; set; } = "";

    /// <summary>Extra content that counts for similarity but is never reported as a change (a column's cells).</summary>
    public string Signature { get; set; } = "";

    /// <summary>Scalar children of records (cells, schema keywords): reported as "&lt;parent&gt; &lt;key&gt; changed".</summary>
    public bool IsAttribute { get; init; }

    /// <summary>1-based line in the source, when known.</summary>
    public int Line { get; init; }

    public List<DocNode> Children { get; } = [];

    /// <summary>Words of the content below the name (text, signature, descendants): what a rename keeps.</summary>
    public HashSet<string> ContentTokens()
    {
        if (tokens is not null)
        {
            return tokens;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        Collect(this, set, top: true);
        return tokens = set;
    }

    /// <summary>Type and required-ness as words, for elements that have no other content.</summary>
    public HashSet<string> AttributeTokens()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Similarity.AddWords(Type ?? "", set, "t:");
        if (Required is { } required)
        {
            set.Add(required ? "r:required" : "r:optional");
        }

        return set;
    }

    private static void Collect(DocNode node, HashSet<string> set, bool top)
    {
        if (!top && !node.IsAttribute)
        {
            // A descendant's name and type are part of its parent's content; an attribute's key
            // (a column header, "description") is shared by every sibling and says nothing.
            Similarity.AddWords(node.Key, set, "k:");
            Similarity.AddWords(node.Type ?? "", set, "t:");
        }

        Similarity.AddWords(node.Text, set, "");
        Similarity.AddWords(node.Signature, set, "");
        foreach (var child in node.Children)
        {
            Collect(child, set, top: false);
        }
    }
}
