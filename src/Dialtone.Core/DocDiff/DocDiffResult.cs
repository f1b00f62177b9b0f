namespace Dialtone.Core.DocDiff;

/// <summary>The changes between two versions of a doc and how they were found.</summary>
/// <param name="Format">The format both versions were read as.</param>
/// <param name="FellBack">True when the doc's own format failed to parse and lines were diffed instead.</param>
/// <param name="Changes">Breaking changes first, then in document order. Empty when the change only reformatted.</param>
public sealed record DocDiffResult(DocFormat Format, bool FellBack, IReadOnlyList<DocChange> Changes);
