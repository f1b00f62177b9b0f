using System.Text;
using Dialtone.Core.Grants;

namespace Dialtone.Core.Tests.Grants;

/// <summary>The keyed fingerprint: stable per store, different across stores, never the secret, its key owner-only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretFingerprintTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("dialtone-fingerprint-").FullName;

    [Fact]
    public void SameStore_SameSecret_SameFingerprint_AndTheKeyIsOwnerOnly()
    {
        var store = Path.Combine(root, "a");

        var first = SecretFingerprint.Compute(store, "sk_test_123456789");
        var second = SecretFingerprint.Compute(store, "sk_test_123456789");

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.NotEqual(first, SecretFingerprint.Compute(store, "sk_test_123456780"));
        var key = Path.Combine(store, SecretFingerprint.KeyFileName);
        Assert.Equal(32, new FileInfo(key).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }

    [Fact]
    public void AnotherStore_HasAnotherKey()
    {
        Assert.NotEqual(SecretFingerprint.Compute(Path.Combine(root, "a"), "sk_test_123456789"), SecretFingerprint.Compute(Path.Combine(root, "b"), "sk_test_123456789"));
    }

    [Fact]
    public void TheFingerprint_IsNotAPlainHashOfTheSecret()
    {
        var secret = "sk_test_123456789";
        var fingerprint = SecretFingerprint.Compute(root, secret);

        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secret))), fingerprint);
        Assert.DoesNotContain(secret, fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void ALooseKeyFile_IsTightened()
    {
        SecretFingerprint.Compute(root, "sk_test_123456789");
        var key = Path.Combine(root, SecretFingerprint.KeyFileName);
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        SecretFingerprint.Compute(root, "sk_test_123456789");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }

    [Fact]
    public void ADamagedKey_IsAnEnvironmentError()
    {
        File.WriteAllBytes(Path.Combine(root, SecretFingerprint.KeyFileName), [1, 2, 3]);

        var error = Assert.Throws<DialtoneError>(() => SecretFingerprint.Compute(root, "sk_test_123456789"));

        Assert.Equal(ExitCodes.Environment, error.ExitCode);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
