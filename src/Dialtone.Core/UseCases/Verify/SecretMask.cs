using System.Collections;
using Dialtone.Core.Grants;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// Masks secrets in what verify shows of a test's output (the terminal, `--json`, and the pull
/// request's summary, which outlives the job): the secrets of an enclosing grant, and the values of
/// environment variables whose names say they hold one (CI jobs pass tokens that way).
/// </summary>
public sealed class SecretMask
{
    private static readonly string[] SecretWords = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "PRIVATE", "CREDENTIAL", "API_KEY", "APIKEY", "ACCESS_KEY"];

    private readonly IReadOnlyList<(string Variable, IReadOnlyList<byte[]> Forms)> secrets;

    private SecretMask(IReadOnlyList<(string Variable, IReadOnlyList<byte[]> Forms)> secrets) => this.secrets = secrets;

    public static SecretMask FromEnvironment()
    {
        var secrets = new List<(string Variable, IReadOnlyList<byte[]> Forms)>(InheritedGrants.FromEnvironment());
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string { Length: >= MintOutput.MinimumSecretLength } value
                && Array.Exists(SecretWords, word => name.Contains(word, StringComparison.OrdinalIgnoreCase))
                && !secrets.Exists(s => s.Variable == name))
            {
                secrets.Add((name, SecretForms.Of(value)));
            }
        }

        return new SecretMask(secrets);
    }

    public string Apply(string text) => secrets.Count == 0 ? text : InheritedGrants.Mask(text, secrets);
}
