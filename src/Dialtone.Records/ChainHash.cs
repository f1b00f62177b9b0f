using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dialtone.Records;

/// <summary>
/// The hashes of the signature chain. Their input format is part of every committed record: a
/// change here breaks every existing record, which the fixed-vector tests catch.
/// </summary>
public static class ChainHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Of(string ticket, Attestation a) => Sha256(
        "dialtone-attestation-v1", ticket, Int(a.Seq), a.Subtask, a.Command, Int(a.ExitCode), Long(a.DurationMs),
        a.Tree, a.OutputDigest, Time(a.SignedAt), a.Signer, a.PrevHash);

    public static string Of(string ticket, Validation v) => Sha256(
        "dialtone-validation-v1", ticket, v.Tree, Time(v.ValidatedAt), v.Passed ? "pass" : "fail",
        string.Join(';', v.Results.Select(r => $"{r.Subtask}={Int(r.ExitCode)}:{Long(r.DurationMs)}:{(r.Passed ? 1 : 0)}")), v.PrevHash);

    public static string Of(string ticket, Evidence e) => Sha256(
        "dialtone-evidence-v1", ticket, Int(e.Seq), e.Kind, Time(e.At), e.Detail, e.PrevHash);

    public static string Of(string ticket, DoneSeal d) => Sha256(
        "dialtone-done-v1", ticket, Time(d.At), d.Tip, d.Summary is null ? "-" : "+" + d.Summary, d.EvidenceHead, d.PrevHash);

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static string Sha256(params string[] fields)
    {
        // Length-prefixed fields: no value can run into the next and forge the same text.
        var builder = new StringBuilder();
        foreach (var field in fields)
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Sha256Hex(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
