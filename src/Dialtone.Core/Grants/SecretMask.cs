namespace Dialtone.Core.Grants;

/// <summary>
/// The secrets of the live grants within reach of this process — the ticket sessions of its
/// repository and what an enclosing grant put in its environment — and the one way to take them
/// out of a text: every form of each (raw, base64, URL, JSON) becomes `&lt;redacted:VAR&gt;`. What
/// Dialtone stores or prints while a grant is live passes through one of these (docs/grants.md).
/// </summary>
public sealed class SecretMask
{
    public static readonly SecretMask None = new([]);

    private readonly List<(string Variable, IReadOnlyList<byte[]> Forms)> secrets;

    public SecretMask(IEnumerable<(string Variable, IReadOnlyList<byte[]> Forms)> secrets) => this.secrets = [.. secrets];

    public IReadOnlyList<(string Variable, IReadOnlyList<byte[]> Forms)> Secrets => secrets;

    public bool IsEmpty => secrets.Count == 0;

    public static SecretMask Of(string variable, string secret) => new([(variable, SecretForms.Of(secret))]);

    /// <summary>What DIALTONE_GRANT_ENV says an enclosing grant put in this process's environment.</summary>
    public static SecretMask Inherited(Func<string, string?>? lookup = null) => new(InheritedGrants.FromEnvironment(lookup));

    public SecretMask With(SecretMask other) =>
        other.IsEmpty ? this : IsEmpty ? other : new(secrets.Concat(other.secrets));

    /// <summary><paramref name="text"/> with every form of every secret replaced; the text itself when there is none.</summary>
    public string Apply(string text) => IsEmpty || text.Length == 0 ? text : MaskingFilter.MaskText(text, secrets);

    public string? ApplyOrNull(string? text) => text is null ? null : Apply(text);

    /// <summary>A streaming filter for one output stream.</summary>
    public MaskingFilter Filter() => new(secrets);
}
