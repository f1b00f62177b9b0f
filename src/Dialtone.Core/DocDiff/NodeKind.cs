namespace Dialtone.Core.DocDiff;

/// <summary>What a node of a parsed document is; only nodes of the same kind are matched or paired as renames.</summary>
public enum NodeKind
{
    Document,

    /// <summary>A Markdown heading and everything under it up to the next heading of its level or higher.</summary>
    Section,

    /// <summary>A Markdown table; its children are its columns and rows.</summary>
    Table,

    Column,

    /// <summary>A table row, keyed by its first cell.</summary>
    Row,

    /// <summary>A cell of a row (an attribute of the row, keyed by its column).</summary>
    Cell,

    /// <summary>A Markdown list item that starts with a code span or bold text (`- `webhook_url` (string): …`).</summary>
    Item,

    /// <summary>A YAML/JSON mapping entry.</summary>
    Field,

    /// <summary>A mapping inside a YAML/JSON sequence, keyed by its name/id (OpenAPI parameters) or position.</summary>
    Element,

    /// <summary>A scalar inside a YAML/JSON sequence (enum values, tags), keyed by its value.</summary>
    Value,

    /// <summary>A non-blank line, for files that cannot be parsed.</summary>
    Line,
}
