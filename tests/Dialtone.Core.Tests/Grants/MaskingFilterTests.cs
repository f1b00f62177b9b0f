using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Dialtone.Core.Grants;

namespace Dialtone.Core.Tests.Grants;

/// <summary>The filter between a granted command and the terminal: no form of the secret gets through, however the output is chunked.</summary>
public sealed class MaskingFilterTests
{
    private const string Secret = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    private const string Redacted = "<redacted:STRIPE_API_KEY>";

    private static readonly IReadOnlyList<byte[]> Forms = SecretForms.Of(Secret);

    /// <summary>Feeds <paramref name="text"/> in the given chunk sizes (cycled) and returns what came out.</summary>
    private static string Filter(string text, params int[] chunks)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var filter = new MaskingFilter(Forms, "STRIPE_API_KEY");
        var output = new ArrayBufferWriter<byte>();
        var position = 0;
        for (var i = 0; position < bytes.Length; i++)
        {
            var size = Math.Min(chunks.Length == 0 ? bytes.Length : chunks[i % chunks.Length], bytes.Length - position);
            filter.Write(bytes.AsSpan(position, size), output);
            position += size;
        }

        filter.Complete(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void TheSecret_IsReplaced()
    {
        Assert.Equal($"key={Redacted}\nagain {Redacted}{Redacted}\n", Filter($"key={Secret}\nagain {Secret}{Secret}\n"));
    }

    [Fact]
    public void OrdinaryOutput_PassesUnchanged_AndIsNotHeld()
    {
        var filter = new MaskingFilter(Forms, "STRIPE_API_KEY");
        var output = new ArrayBufferWriter<byte>();

        filter.Write("PASS 12 tests (sk_live is not ours)\n"u8, output);

        Assert.Equal("PASS 12 tests (sk_live is not ours)\n", Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal(0, filter.Held);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(31)]
    public void ASecretSplitAcrossWrites_IsStillReplaced(int chunk)
    {
        var text = $"a {Secret} b {Base64(Secret)} c {Uri.EscapeDataString("x" + Secret)}\n";

        var output = Filter(text, chunk);

        Assert.Equal($"a {Redacted} b {Redacted} c x{Redacted}\n", output);
    }

    [Fact]
    public void EverySplitPoint_OfEveryForm_IsCaught()
    {
        foreach (var form in Forms.Select(f => Encoding.UTF8.GetString(f)))
        {
            var text = $"<<{form}>>";
            for (var split = 1; split < text.Length; split++)
            {
                var output = Filter(text, split, text.Length);
                Assert.DoesNotContain(form, output, StringComparison.Ordinal);
                Assert.Contains(Redacted, output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void APartialPrefix_IsHeld_ThenReleasedWhenItTurnsOutHarmless()
    {
        var filter = new MaskingFilter(Forms, "STRIPE_API_KEY");
        var output = new ArrayBufferWriter<byte>();

        filter.Write("progress sk_test_4e"u8, output);
        Assert.Equal("progress ", Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal("sk_test_4e".Length, filter.Held);

        filter.Write("X done\n"u8, output);
        Assert.Equal("progress sk_test_4eX done\n", Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal(0, filter.Held);
    }

    [Fact]
    public void TheEndOfTheStream_ReleasesAHeldPrefix()
    {
        Assert.Equal("tail sk_test_", Filter("tail sk_test_"));
    }

    [Fact]
    public void Base64_AtEveryAlignment_InsideLongerEncodedValues()
    {
        foreach (var prefix in new[] { "", "u", "us", "user:", "Bearer-token-of-", "ab" })
        {
            foreach (var suffix in new[] { "", ":", "xy", "--trailer" })
            {
                var encoded = Base64(prefix + Secret + suffix);
                var urlSafe = encoded.TrimEnd('=').Replace('+', '-').Replace('/', '_');

                var output = Filter($"Authorization: Basic {encoded}\n{urlSafe}\n", 5);

                Assert.Equal(2, output.Split(Redacted).Length - 1);

                // What is left of the encoding cannot be decoded back into the secret.
                Assert.DoesNotContain(Secret[2..^2], DecodeLoosely(output), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void UrlAndJsonEncodings_AreReplaced()
    {
        const string odd = "p@ss/w0rd+with space&\"quote\"é";
        var forms = SecretForms.Of(odd);
        string Mask(string text) => MaskingFilter.MaskText(text, forms, "KEY");

        Assert.Equal("q=<redacted:KEY>", Mask("q=" + Uri.EscapeDataString(odd)));
        Assert.Equal("q=<redacted:KEY>", Mask("q=" + LowerEscapes(odd)));
        Assert.Equal("q=<redacted:KEY>", Mask("q=" + WebUtility.UrlEncode(odd)));
        Assert.Equal("{\"k\":\"<redacted:KEY>\"}", Mask(JsonSerializer.Serialize(new { k = odd })));
        Assert.Equal("<redacted:KEY>", Mask(odd));
    }

    [Fact]
    public void RandomChunking_OfRandomOutput_NeverLeaks()
    {
        var random = new Random(20261121);
        var pieces = new[] { Secret, Base64(Secret), "noise ", "sk_", "sk_test_4eC3", "\n", "é", Uri.EscapeDataString(Secret), "ss" };
        for (var round = 0; round < 300; round++)
        {
            var text = string.Concat(Enumerable.Range(0, 20).Select(_ => pieces[random.Next(pieces.Length)]));
            var chunks = Enumerable.Range(0, 8).Select(_ => random.Next(1, 40)).ToArray();

            var output = Filter(text, chunks);

            Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
            Assert.DoesNotContain(Base64(Secret)[..20], output, StringComparison.Ordinal);
            Assert.Equal(Filter(text), output);
        }
    }

    [Fact]
    public void Forms_AreLongEnoughNotToMaskOrdinaryText()
    {
        Assert.All(SecretForms.Of("abcdefgh"), f => Assert.True(f.Length >= SecretForms.MinimumFormLength));
        Assert.Equal("c2VjcmV0", SecretForms.Base64Core(Encoding.UTF8.GetBytes("secret"), 0));
    }

    private static string LowerEscapes(string text) =>
        System.Text.RegularExpressions.Regex.Replace(Uri.EscapeDataString(text), "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant());

    /// <summary>Every base64-looking run of the output, decoded at each alignment, as Latin-1 text.</summary>
    private static string DecodeLoosely(string output)
    {
        var decoded = new StringBuilder();
        foreach (System.Text.RegularExpressions.Match run in System.Text.RegularExpressions.Regex.Matches(output, "[A-Za-z0-9+/_-]{4,}"))
        {
            var value = run.Value.Replace('-', '+').Replace('_', '/');
            for (var skip = 0; skip < 4 && skip < value.Length; skip++)
            {
                var part = value[skip..];
                part = part[..(part.Length / 4 * 4)];
                try
                {
                    decoded.Append(Encoding.Latin1.GetString(Convert.FromBase64String(part))).Append('\n');
                }
                catch (FormatException)
                {
                    // Not base64 at this alignment.
                }
            }
        }

        return decoded.ToString();
    }
}
