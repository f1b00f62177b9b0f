using System.Text;

namespace Dialtone.Core.Grants;

/// <summary>
/// Export lines for `eval`, with the value quoted so each shell reads it back byte for byte: POSIX
/// single quotes for bash/zsh/sh, fish's single quotes (backslash and quote escaped), PowerShell's
/// single quotes (every kind of single quote doubled, as PowerShell treats the typographic ones as
/// quotes too).
/// </summary>
public static class ShellExport
{
    public const string Names = "bash, zsh, sh, fish, pwsh";

    public static ExportShell? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "bash" => ExportShell.Bash,
        "zsh" => ExportShell.Zsh,
        "sh" or "dash" or "ksh" or "posix" => ExportShell.Sh,
        "fish" => ExportShell.Fish,
        "pwsh" or "powershell" => ExportShell.Pwsh,
        _ => null,
    };

    /// <summary>The shell named by $SHELL when it is one we know, else POSIX sh syntax (which bash and zsh read too).</summary>
    public static ExportShell FromEnvironment(string? shellVariable) =>
        Parse(Path.GetFileName(shellVariable ?? "")) ?? ExportShell.Sh;

    public static string Line(ExportShell shell, string name, string value) => shell switch
    {
        ExportShell.Fish => $"set -gx {name} {FishQuote(value)}",
        ExportShell.Pwsh => $"$env:{name} = {PwshQuote(value)}",
        _ => $"export {name}={PosixQuote(value)}",
    };

    public static string PosixQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static string FishQuote(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    public static string PwshQuote(string value)
    {
        var quoted = new StringBuilder("'");
        foreach (var c in value)
        {
            quoted.Append(c);
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('\'').ToString();
    }
}
