using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Dialtone.Core.DocDiff;

/// <summary>
/// Markdown (Markdig) as a tree: sections by heading level, tables with their columns and rows
/// keyed by the first cell, and list items that start with a code span or bold text (the usual way
/// specs list fields). Everything else is a section's text, whitespace-normalised, so reflowing a
/// paragraph or realigning a table changes nothing. Only this class touches Markdig, so the
/// assembly loads only when a Markdown doc has to be diffed.
/// </summary>
internal static partial class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    public static DocNode Parse(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var root = new DocNode { Kind = NodeKind.Document, Key = "", Name = "", Noun = "Document" };
        var stack = new List<(int Level, DocNode Node, StringBuilder Text)> { (0, root, new StringBuilder()) };
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                while (stack.Count > 1 && stack[^1].Level >= heading.Level)
                {
                    Close(stack);
                }

                var title = Normalize(InlineText(heading.Inline));
                var (parentLevel, parent, _) = stack[^1];

                // A nested section names its parent, unless that is the document's title (level 1).
                var located = parent.Kind == NodeKind.Section && parentLevel > 1;
                var section = new DocNode
                {
                    Kind = NodeKind.Section,
                    Key = title,
                    Name = title.Length == 0 ? "(untitled)" : title,
                    Noun = "Section",
                    Location = parent.Kind == NodeKind.Section ? $" in section '{parent.Name}'" : "",
                    AlwaysLocate = located,
                    Line = heading.Line + 1,
                };
                parent.Children.Add(section);
                stack.Add((heading.Level, section, new StringBuilder()));
                continue;
            }

            var (_, current, buffer) = stack[^1];
            switch (block)
            {
                case Table table:
                    AddTable(current, table);
                    break;
                case ListBlock list:
                    AddList(current, list, buffer);
                    break;
                default:
                    buffer.Append(BlockText(block)).Append(' ');
                    break;
            }
        }

        while (stack.Count > 0)
        {
            Close(stack);
        }

        return root;
    }

    /// <summary>Collapses every run of whitespace to one space, trimmed (most cells need nothing: no copy then).</summary>
    public static string Normalize(string text)
    {
        var clean = text.Length == 0 || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]));
        for (var i = 0; clean && i < text.Length; i++)
        {
            clean = text[i] == ' ' ? i + 1 < text.Length && text[i + 1] != ' ' : !char.IsWhiteSpace(text[i]);
        }

        return clean ? text : Whitespace().Replace(text, " ").Trim();
    }

    private static void Close(List<(int Level, DocNode Node, StringBuilder Text)> stack)
    {
        var (_, node, text) = stack[^1];
        node.Text = Normalize(text.ToString());
        stack.RemoveAt(stack.Count - 1);
    }

    private static void AddTable(DocNode section, Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var headerRow = rows.FirstOrDefault(r => r.IsHeader) ?? rows[0];
        var headers = headerRow.OfType<TableCell>().Select(c => Normalize(BlockText(c))).ToList();
        if (headers.Count == 0)
        {
            return;
        }

        var where = section.Kind == NodeKind.Section ? $" in section '{section.Name}'" : "";
        var first = headers[0].ToLowerInvariant();
        var ordinal = section.Children.Count(c => c.Kind == NodeKind.Table && c.Key.StartsWith("table:" + first + "#", StringComparison.Ordinal));
        var name = string.Join(" | ", headers);
        var node = new DocNode
        {
            Kind = NodeKind.Table,
            Key = $"table:{first}#{ordinal}",
            Name = name,
            Noun = "Table",
            Location = where,
            AlwaysLocate = true,
            Signature = name,
            Line = table.Line + 1,
        };

        var body = rows.Where(r => r != headerRow).Select(r => r.OfType<TableCell>().Select(c => Normalize(BlockText(c))).ToList()).ToList();
        var typeColumn = headers.FindIndex(h => TypeHeader().IsMatch(h));
        var requiredColumn = headers.FindIndex(h => RequiredHeader().IsMatch(h));
        var optionalColumn = requiredColumn < 0 ? headers.FindIndex(h => OptionalHeader().IsMatch(h)) : -1;
        var flagColumn = requiredColumn >= 0 ? requiredColumn : optionalColumn;
        for (var c = 0; c < headers.Count; c++)
        {
            var column = c;
            node.Children.Add(new DocNode
            {
                Kind = NodeKind.Column,
                Key = "column:" + (headers[c].Length == 0 ? $"#{c}" : headers[c].ToLowerInvariant()),
                Name = headers[c].Length == 0 ? $"column {c + 1}" : headers[c],
                Noun = "Column",
                Location = $" in table '{name}'{where}",
                AlwaysLocate = true,
                Signature = string.Join(' ', body.Select(r => column < r.Count ? r[column] : "")),
            });
        }

        var noun = RowNoun(headers[0]);
        foreach (var cells in body)
        {
            var key = cells.Count > 0 ? cells[0] : "";
            var row = new DocNode
            {
                Kind = NodeKind.Row,
                Key = key,
                Name = key.Length == 0 ? "(empty)" : key,
                Noun = noun,
                Location = where,
                Type = typeColumn > 0 && typeColumn < cells.Count && cells[typeColumn].Length > 0 ? cells[typeColumn] : null,
                Required = flagColumn > 0 && flagColumn < cells.Count ? Flag(cells[flagColumn], invert: optionalColumn >= 0) : null,
            };
            for (var c = 1; c < headers.Count; c++)
            {
                if (c == typeColumn || (c == flagColumn && row.Required is not null))
                {
                    continue;
                }

                row.Children.Add(new DocNode
                {
                    Kind = NodeKind.Cell,
                    Key = "cell:" + (headers[c].Length == 0 ? $"#{c}" : headers[c].ToLowerInvariant()),
                    Name = headers[c].Length == 0 ? $"column {c + 1}" : headers[c],
                    Noun = "Cell",
                    Text = c < cells.Count ? cells[c] : "",
                    IsAttribute = true,
                });
            }

            node.Children.Add(row);
        }

        section.Children.Add(node);
    }

    private static void AddList(DocNode section, ListBlock list, StringBuilder buffer)
    {
        var where = section.Kind == NodeKind.Section ? $" in section '{section.Name}'" : "";
        foreach (var item in list.OfType<ListItemBlock>())
        {
            if (KeyOf(item) is not var (key, rest))
            {
                buffer.Append(BlockText(item)).Append(' ');
                continue;
            }

            var node = new DocNode
            {
                Kind = NodeKind.Item,
                Key = key,
                Name = key,
                Noun = Identifier().IsMatch(key) ? "Field" : "Item",
                Location = where,
                Line = item.Line + 1,
            };
            var match = Parenthetical().Match(rest);
            if (match.Success)
            {
                foreach (var part in match.Groups["inner"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (Flag(part, invert: false) is { } required && RequiredWord().IsMatch(part))
                    {
                        node.Required = required;
                    }
                    else
                    {
                        node.Type ??= part;
                    }
                }

                rest = match.Groups["rest"].Value;
            }

            node.Text = Normalize(rest.TrimStart(':', '-', '–', '—', ' '));
            section.Children.Add(node);
        }
    }

    /// <summary>The key of a list item that starts with `code` or **bold**, and the text after it.</summary>
    private static (string Key, string Text)? KeyOf(ListItemBlock item)
    {
        if (item.Count == 0 || item[0] is not ParagraphBlock { Inline: { } inline })
        {
            return null;
        }

        var first = inline.FirstChild;
        while (first is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())
        {
            first = first.NextSibling;
        }

        var key = first switch
        {
            CodeInline code => code.Content,
            EmphasisInline { DelimiterCount: 2 } bold => InlineText(bold),
            _ => null,
        };
        if (key is null || Normalize(key).Length == 0)
        {
            return null;
        }

        var rest = new StringBuilder();
        for (var sibling = first!.NextSibling; sibling is not null; sibling = sibling.NextSibling)
        {
            AppendInline(sibling, rest);
        }

        foreach (var block in item.Skip(1))
        {
            rest.Append(' ').Append(BlockText(block));
        }

        return (Normalize(key), rest.ToString());
    }

    private static string BlockText(Block block)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                return InlineText(inline);
            case LeafBlock leaf:
                return leaf.Lines.ToString();
            case ContainerBlock container:
                {
                    var text = new StringBuilder();
                    foreach (var child in container)
                    {
                        text.Append(BlockText(child)).Append(' ');
                    }

                    return text.ToString();
                }

            default:
                return "";
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        if (inline is not null)
        {
            foreach (var child in inline)
            {
                AppendInline(child, text);
            }
        }

        return text.ToString();
    }

    private static void AppendInline(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline link:
                text.Append(link.Url);
                break;
            case HtmlInline html:
                text.Append(html.Tag);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendInline(child, text);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>What a row is called, from its table's first header: "Field", "Parameter", "Endpoint", or the header itself.</summary>
    private static string RowNoun(string header)
    {
        var word = header.Trim().ToLowerInvariant();
        return word switch
        {
            "field" or "fields" or "name" or "key" or "property" or "attribute" or "column" or "field name" or "property name" => "Field",
            "parameter" or "parameters" or "param" or "argument" or "arg" or "option" or "flag" => "Parameter",
            "endpoint" or "path" or "route" or "url" or "method" => "Endpoint",
            "event" or "webhook" or "event type" => "Event",
            "header" => "Header",
            "code" or "status" or "status code" or "error" or "error code" => "Code",
            "value" or "enum" => "Value",
            _ when SingleWord().IsMatch(word) => char.ToUpperInvariant(word[0]) + word[1..],
            _ => "Row",
        };
    }

    /// <summary>yes/no, true/false, required/optional, ✓/✗ as a flag; null when the cell says something else.</summary>
    private static bool? Flag(string cell, bool invert)
    {
        bool? value = cell.Trim().Trim('*', '`', '_').ToLowerInvariant() switch
        {
            "yes" or "y" or "true" or "required" or "mandatory" or "✓" or "✔" or "x" or "always" => true,
            "no" or "n" or "false" or "optional" or "-" or "–" or "" or "✗" or "✘" or "never" => false,
            _ => null,
        };
        return invert && value is { } flag ? !flag : value;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(type|data ?type|kind|format|schema)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypeHeader();

    [GeneratedRegex(@"^(required|req\.?|mandatory|required\?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequiredHeader();

    [GeneratedRegex(@"^(optional|optional\?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OptionalHeader();

    [GeneratedRegex(@"^(required|optional|mandatory)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequiredWord();

    [GeneratedRegex(@"^[A-Za-z_$@][\w.$@\-\[\]]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[a-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SingleWord();

    [GeneratedRegex(@"^\s*[:\-–—]?\s*\((?<inner>[^)]*)\)\s*(?<rest>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Parenthetical();
}
