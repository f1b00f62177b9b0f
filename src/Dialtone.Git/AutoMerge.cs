namespace Dialtone.Git;

/// <summary>What git's own merge of two commits gives: the tree, and whether it merged without conflicts.</summary>
public sealed record AutoMerge(string Tree, bool Clean);
