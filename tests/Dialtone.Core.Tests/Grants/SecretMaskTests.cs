using System.Buffers;
using System.Text;
using Dialtone.Core.Grants;

namespace Dialtone.Core.Tests.Grants;

/// <summary>Several live secrets at once: each replaced by its own variable's marker, in every form, whichever comes first.</summary>
public sealed class SecretMaskTests
{
    private const string Stripe = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    private const string GitHub = "ghp_abcdefghijklmnopqrstuvwxyz0123";

    private static readonly SecretMask Both = SecretMask.Of("STRIPE_API_KEY", Stripe).With(SecretMask.Of("GH_TOKEN", GitHub));

    [Fact]
    public void EachSecret_GetsItsOwnMarker_InEveryForm()
    {
        var text = $"a {Stripe} b {Convert.ToBase64String(Encoding.UTF8.GetBytes(GitHub))} c {Uri.EscapeDataString("k=" + Stripe)}";

        Assert.Equal("a <redacted:STRIPE_API_KEY> b <redacted:GH_TOKEN> c k%3D<redacted:STRIPE_API_KEY>", Both.Apply(text));
    }

    [Fact]
    public void AsAStream_SplitAcrossWrites_NeitherGetsThrough()
    {
        var bytes = Encoding.UTF8.GetBytes($"{GitHub[..10]}{GitHub[10..]}|{Stripe}");
        var filter = Both.Filter();
        var output = new ArrayBufferWriter<byte>();
        foreach (var b in bytes)
        {
            filter.Write([b], output);
        }

        filter.Complete(output);

        Assert.Equal("<redacted:GH_TOKEN>|<redacted:STRIPE_API_KEY>", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void NoSecrets_TheTextIsReturnedAsItIs()
    {
        const string Text = "nothing to hide";

        Assert.Same(Text, SecretMask.None.Apply(Text));
        Assert.True(SecretMask.None.With(SecretMask.None).IsEmpty);
    }

    [Fact]
    public void Inherited_ReadsWhatDialtoneGrantEnvNames()
    {
        var environment = new Dictionary<string, string?> { ["DIALTONE_GRANT_ENV"] = "GH_TOKEN", ["GH_TOKEN"] = GitHub };

        Assert.Equal("<redacted:GH_TOKEN>", SecretMask.Inherited(n => environment.GetValueOrDefault(n)).Apply(GitHub));
    }
}
