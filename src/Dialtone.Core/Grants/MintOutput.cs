using System.Globalization;
using System.Text;

namespace Dialtone.Core.Grants;

/// <summary>
/// What a mint command printed: the secret on the first line and, optionally, when it expires on
/// the second (ISO 8601, or Unix seconds). Anything else is ignored and never shown.
/// </summary>
public sealed record MintOutput(string Secret, DateTimeOffset? ExpiresAt)
{
    /// <summary>Shorter secrets could not be masked in output without masking ordinary words.</summary>
    public const int MinimumSecretLength = 8;

    /// <summary>The parsed output, or null with a problem that never quotes the output itself.</summary>
    public static MintOutput? TryParse(byte[] stdout, out string? problem)
    {
        problem = null;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(stdout);
        }
        catch (DecoderFallbackException)
        {
            problem = "its output is not UTF-8 text";
            return null;
        }

        var lines = text.Split('\n');
        var secret = lines[0].TrimEnd('\r').Trim();
        if (secret.Length == 0)
        {
            problem = "it printed no secret on its first line";
            return null;
        }

        if (secret.Any(char.IsControl))
        {
            problem = "the secret on its first line contains control characters";
            return null;
        }

        if (secret.Length < MinimumSecretLength)
        {
            problem = $"the secret is {secret.Length} characters long; at least {MinimumSecretLength} are needed to mask it reliably";
            return null;
        }

        DateTimeOffset? expiresAt = null;
        var second = lines.Length > 1 ? lines[1].TrimEnd('\r').Trim() : "";
        if (second.Length > 0)
        {
            expiresAt = ParseExpiry(second);
            if (expiresAt is null)
            {
                // Not quoted: a mint that prints a multi-line secret would otherwise show part of it.
                problem = "its second line is not an expiry (ISO 8601 such as 2026-11-21T09:15:00Z, or Unix seconds)";
                return null;
            }
        }

        return new MintOutput(secret, expiresAt);
    }

    public static DateTimeOffset? ParseExpiry(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253402300799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }
}
