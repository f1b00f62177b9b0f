namespace Dialtone.Core.DocDiff;

/// <summary>
/// The structural diff of two versions of a design doc: Markdown sections, tables and keyed list
/// items; YAML and JSON keys by path (JSON Schema and OpenAPI aware); lines for anything else or
/// anything that does not parse. Null text means the doc did not exist on that side.
/// </summary>
public static class DocDiffer
{
    public static DocFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" or ".markdown" or ".mdx" or ".mdown" => DocFormat.Markdown,
        ".yaml" or ".yml" => DocFormat.Yaml,
        ".json" => DocFormat.Json,
        _ => DocFormat.Lines,
    };

    public static DocDiffResult Diff(string path, string? before, string? after)
    {
        var format = FormatOf(path);
        var old = Parse(format, before ?? "");
        var now = Parse(format, after ?? "");
        if (old is null || now is null)
        {
            // Both sides are read the same way, or every line would look changed.
            return new DocDiffResult(DocFormat.Lines, true, StructuralDiff.Compare(LineReader.Parse(before ?? ""), LineReader.Parse(after ?? "")));
        }

        return new DocDiffResult(format, false, StructuralDiff.Compare(old, now));
    }

    /// <summary>The tree of one version, or null when it does not parse in its format.</summary>
    public static DocNode? Parse(DocFormat format, string text)
    {
        switch (format)
        {
            case DocFormat.Markdown:
                return ParseMarkdown(text);
            case DocFormat.Yaml:
                {
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        return DataTree.Build(new DataMap());
                    }

                    var data = ReadYaml(text);
                    return data is null ? null : DataTree.Build(data);
                }

            case DocFormat.Json:
                {
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        return DataTree.Build(new DataMap());
                    }

                    var data = JsonReader.Read(text);
                    return data is null ? null : DataTree.Build(data);
                }

            default:
                return LineReader.Parse(text);
        }
    }

    // Separate methods, so Markdig and YamlDotNet load only when their format is diffed.
    private static DocNode ParseMarkdown(string text) => MarkdownReader.Parse(text);

    private static DataValue? ReadYaml(string text) => YamlReader.Read(text);
}
