using Dialtone.Core.Grants;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>
/// The directory of the session files must be private: a directory the group or others may enter,
/// one that belongs to someone else, or a symbolic link in its place is refused with exit 3 and the
/// fix, before anything is minted. And a real other user cannot read a live session file.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GrantDirectoryTests : IDisposable
{
    private readonly GrantRepo grant = new();

    private CliResult Seed() => grant.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--duration", "10m");

    private void AssertRefused(CliResult result, string why, string action)
    {
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains($"[FAIL] The grant session directory '{grant.SessionDirectory}' is not private: {why}", result.StdErr, StringComparison.Ordinal);
        Assert.Equal($"[ACTION] {action}", result.StdErr.TrimEnd().Split('\n')[^1]);
        Assert.Empty(grant.Minted);
        Assert.Equal("[ticket] No grants yet.", grant.Run("ticket", "grant", "list").Lines.Single());
    }

    [Fact]
    public void OpenToTheGroupOrOthers_IsRefused_NothingMinted()
    {
        Directory.CreateDirectory(grant.SessionDirectory);
        File.SetUnixFileMode(grant.SessionDirectory, PrivateDirectory.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

        AssertRefused(Seed(), "its mode is 0751: the group or others may enter it", $"chmod 700 {grant.SessionDirectory}");
    }

    [Fact]
    public void ASymbolicLinkInItsPlace_IsRefused_NothingMinted()
    {
        var elsewhere = grant.Repo.Sibling("elsewhere");
        Directory.CreateDirectory(elsewhere, PrivateDirectory.OwnerOnly);
        Directory.CreateSymbolicLink(grant.SessionDirectory, elsewhere);

        AssertRefused(Seed(), "it is not a directory", $"mv {grant.SessionDirectory} {grant.SessionDirectory}.untrusted");
        Assert.Empty(Directory.GetFiles(elsewhere));
    }

    [RootFact]
    public void SomeoneElsesDirectory_IsRefused_NothingMinted()
    {
        Directory.CreateDirectory(grant.SessionDirectory, PrivateDirectory.OwnerOnly);
        Chown(grant.SessionDirectory, "nobody");

        AssertRefused(Seed(), "it belongs to user id ", $"mv {grant.SessionDirectory} {grant.SessionDirectory}.untrusted");
    }

    [Fact]
    public void AFileSomeoneElseCouldHaveWritten_IsNeverRead()
    {
        Assert.Equal(0, Seed().ExitCode);
        File.SetUnixFileMode(grant.SessionDirectory, PrivateDirectory.OwnerOnly | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);

        var run = grant.Run("run", "--", "sh", "-c", "echo \"key=${STRIPE_API_KEY:-none}\"");

        Assert.Equal("key=none\n", run.StdOut);
    }

    [RootFact(needsSetpriv: true)]
    public void AnotherUser_CannotReadALiveSessionFile()
    {
        Assert.Equal(0, Seed().ExitCode);
        var file = Path.Combine(grant.SessionDirectory, "1.grant");
        Assert.True(File.Exists(file));

        // The real check of the modes: not root (which reads anything), but user nobody, who can reach
        // the store directory (so what stops it is the session directory's own mode).
        Assert.Equal(0, AsNobody("ls", grant.StoreDirectory).ExitCode);
        var asNobody = AsNobody("cat", file);

        Assert.NotEqual(0, asNobody.ExitCode);
        Assert.Contains("Permission denied", asNobody.StdErr, StringComparison.Ordinal);
        grant.AssertNoLeak("what nobody read", asNobody.StdOut);
    }

    private static ChildProcess.Outcome AsNobody(params string[] command) =>
        ChildProcess.Run(GrantConditions.Setpriv!, "/", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", .. command], null, TimeSpan.FromSeconds(30));

    private static void Chown(string path, string user)
    {
        var outcome = ChildProcess.Run("chown", "/", [user, path], null, TimeSpan.FromSeconds(30));
        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
    }

    public void Dispose() => grant.Dispose();
}
