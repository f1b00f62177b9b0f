namespace Dialtone.Core.Grants;

/// <summary>The shells `ticket grant` can print export lines for (eval mode).</summary>
public enum ExportShell
{
    Bash,
    Zsh,
    Sh,
    Fish,
    Pwsh,
}
