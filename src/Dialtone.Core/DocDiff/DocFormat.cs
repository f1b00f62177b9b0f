namespace Dialtone.Core.DocDiff;

/// <summary>How a doc is read for the structural diff, decided by its file extension.</summary>
public enum DocFormat
{
    Markdown,
    Yaml,
    Json,

    /// <summary>Lines: unknown formats and files that failed to parse.</summary>
    Lines,
}
