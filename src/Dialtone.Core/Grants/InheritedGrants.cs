namespace Dialtone.Core.Grants;

/// <summary>
/// Secrets this process holds because an enclosing `ticket grant … -- &lt;cmd&gt;` granted them:
/// DIALTONE_GRANT_ENV lists their variables (colon-separated; nested grants append). Code that
/// stores what a command printed (test runs started from inside a grant) masks them with this,
/// since the supervisor's filter only sees what reaches the terminal.
/// </summary>
public static class InheritedGrants
{
    /// <summary>The granted variables that are set, with every form of their values.</summary>
    public static IReadOnlyList<(string Variable, IReadOnlyList<byte[]> Forms)> FromEnvironment(Func<string, string?>? lookup = null)
    {
        lookup ??= Environment.GetEnvironmentVariable;
        var names = lookup(GrantEnvironment.Variable);
        if (string.IsNullOrEmpty(names))
        {
            return [];
        }

        return names.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Value: lookup(name)))
            .Where(v => v.Value is { Length: >= MintOutput.MinimumSecretLength })
            .Select(v => (v.Name, SecretForms.Of(v.Value!)))
            .ToList();
    }

    /// <summary><paramref name="text"/> with every inherited secret replaced by `&lt;redacted:VAR&gt;`.</summary>
    public static string Mask(string text, IReadOnlyList<(string Variable, IReadOnlyList<byte[]> Forms)> grants)
    {
        foreach (var (variable, forms) in grants)
        {
            text = MaskingFilter.MaskText(text, forms, variable);
        }

        return text;
    }

    /// <summary>The DIALTONE_GRANT_ENV value for a child: the inherited list plus <paramref name="variable"/>.</summary>
    public static string Append(string? inherited, string variable) =>
        string.Join(':', (inherited ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Append(variable).Distinct(StringComparer.Ordinal));
}
