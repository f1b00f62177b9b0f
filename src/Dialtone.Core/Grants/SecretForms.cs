using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dialtone.Core.Grants;

/// <summary>
/// The byte strings a secret can appear as in output: itself, its base64 (standard and URL-safe,
/// also embedded at any byte offset of a longer encoded value, such as `user:secret` in a Basic
/// auth header), its URL encodings and its JSON escapings. Pure; the masking filter uses them.
/// </summary>
public static class SecretForms
{
    /// <summary>Shorter forms would match ordinary text and redact it; secrets are longer than this.</summary>
    public const int MinimumFormLength = 6;

    public static IReadOnlyList<byte[]> Of(string secret)
    {
        var raw = Encoding.UTF8.GetBytes(secret);
        var forms = new List<string> { secret };

        var standard = Convert.ToBase64String(raw);
        forms.Add(standard);
        forms.Add(UrlSafe(standard));
        for (var offset = 0; offset < 3; offset++)
        {
            var core = Base64Core(raw, offset);
            forms.Add(core);
            forms.Add(UrlSafe(core));
        }

        var escaped = Uri.EscapeDataString(secret);
        forms.Add(escaped);
        forms.Add(LowerHexEscapes(escaped));
        forms.Add(escaped.Replace("%20", "+", StringComparison.Ordinal));
        forms.Add(JsonEncodedText.Encode(secret).ToString());
        forms.Add(JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());

        return forms
            .Where(f => f.Length >= MinimumFormLength)
            .Distinct(StringComparer.Ordinal)
            .Select(Encoding.UTF8.GetBytes)
            .OrderByDescending(f => f.Length)
            .ToList();
    }

    /// <summary>
    /// The base64 characters that depend on the secret's bytes alone when it starts <paramref name="offset"/>
    /// bytes into a 3-byte group: whatever surrounds it, an encoding of data containing the secret at
    /// that alignment contains these characters.
    /// </summary>
    internal static string Base64Core(byte[] secret, int offset)
    {
        var padded = new byte[offset + secret.Length + 2];
        secret.CopyTo(padded, offset);
        var encoded = Convert.ToBase64String(padded);
        var firstBit = 8 * offset;
        var endBit = 8 * (offset + secret.Length);
        var first = (firstBit + 5) / 6;
        var end = endBit / 6;
        return end > first ? encoded[first..end] : "";
    }

    private static string UrlSafe(string base64) => base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string LowerHexEscapes(string escaped)
    {
        var text = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '%' && i + 2 < escaped.Length)
            {
                text.Append('%').Append(char.ToLowerInvariant(escaped[i + 1])).Append(char.ToLowerInvariant(escaped[i + 2]));
                i += 2;
            }
            else
            {
                text.Append(escaped[i]);
            }
        }

        return text.ToString();
    }
}
