using System.Text;
using Dialtone.Core.Grants;
using Dialtone.Core.Storage;

namespace Dialtone.Core.Tests.Grants;

/// <summary>
/// The files that hold a live grant's secret between commands: created 0600 in a 0700 directory
/// (the runtime directory, else the store's), found from either place, never read from a directory
/// that is not private, removed by lease, by expiry, and never holding a variable the config refuses.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SessionFilesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly string root = Directory.CreateTempSubdirectory("dialtone-sessions-").FullName;

    private StorePaths Paths => StorePaths.ForCommonDir(Path.Combine(root, "git"));

    private string InStore => Path.Combine(Paths.Directory, SessionFiles.StoreSubdirectory);

    private static Func<string, string?> Without => _ => null;

    private static Func<string, string?> WithRuntime(string directory) => name => name == SessionFiles.RuntimeVariable ? directory : null;

    private static SessionGrant Grant(long lease, string ticket = "demo", string mode = LeaseModes.Session, int minutes = 10, string variable = "STRIPE_API_KEY") =>
        new(lease, ticket, "stripe-sandbox", variable, mode, Now.AddMinutes(minutes), $"sk_test_{lease}_0123456789abcdef");

    [Fact]
    public void WithoutARuntimeDirectory_TheFileIs0600_InThe0700StoreDirectory()
    {
        var directory = SessionFiles.Prepare(Paths, Without);
        var file = SessionFiles.Write(Paths, directory, Grant(1));

        Assert.Equal(InStore, directory);
        Assert.Equal(Path.Combine(InStore, "1.grant"), file);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(PrivateDirectory.OwnerOnly, File.GetUnixFileMode(directory));
        Assert.Equal([Grant(1)], SessionFiles.Read(Paths, Without));
    }

    [Fact]
    public void WithARuntimeDirectory_TheFileIsThere_WithAPointerInTheStore_SoBothKindsOfProcessFindIt()
    {
        var runtime = Directory.CreateDirectory(Path.Combine(root, "run"), PrivateDirectory.OwnerOnly).FullName;

        var directory = SessionFiles.Prepare(Paths, WithRuntime(runtime));
        var file = SessionFiles.Write(Paths, directory, Grant(7));

        Assert.StartsWith(Path.Combine(runtime, "dialtone") + Path.DirectorySeparatorChar, file, StringComparison.Ordinal);
        Assert.Equal(PrivateDirectory.OwnerOnly, File.GetUnixFileMode(Path.Combine(runtime, "dialtone")));
        Assert.Equal(PrivateDirectory.OwnerOnly, File.GetUnixFileMode(directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(directory, File.ReadAllText(Path.Combine(InStore, "7.at")));
        Assert.Equal([Grant(7)], SessionFiles.Read(Paths, WithRuntime(runtime)));
        Assert.Equal([Grant(7)], SessionFiles.Read(Paths, Without));

        Assert.True(SessionFiles.Remove(Paths, 7, Without));
        Assert.False(File.Exists(file));
        Assert.Empty(Directory.GetFiles(InStore));
    }

    [Fact]
    public void TwoStores_ShareTheRuntimeDirectory_WithoutSeeingEachOthersGrants()
    {
        var runtime = Directory.CreateDirectory(Path.Combine(root, "run"), PrivateDirectory.OwnerOnly).FullName;
        var other = StorePaths.ForCommonDir(Path.Combine(root, "other-git"));
        SessionFiles.Write(Paths, SessionFiles.Prepare(Paths, WithRuntime(runtime)), Grant(1));
        SessionFiles.Write(other, SessionFiles.Prepare(other, WithRuntime(runtime)), Grant(1, ticket: "theirs"));

        Assert.Equal("demo", Assert.Single(SessionFiles.Read(Paths, WithRuntime(runtime))).Ticket);
        Assert.Equal("theirs", Assert.Single(SessionFiles.Read(other, WithRuntime(runtime))).Ticket);
    }

    [Fact]
    public void ADirectoryThatIsNotPrivate_IsNeverReadFrom()
    {
        SessionFiles.Write(Paths, SessionFiles.Prepare(Paths, Without), Grant(1));
        File.SetUnixFileMode(InStore, PrivateDirectory.OwnerOnly | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);

        Assert.Empty(SessionFiles.Read(Paths, Without));
        var error = Assert.Throws<DialtoneError>(() => SessionFiles.Prepare(Paths, Without));
        Assert.Equal(3, error.ExitCode);
        Assert.Equal($"chmod 700 {InStore}", error.Action);
    }

    [Theory]
    [InlineData("LD_PRELOAD")]
    [InlineData("PATH")]
    [InlineData("DIALTONE_GRANT_ENV")]
    [InlineData("GIT_DIR")]
    [InlineData("not a name")]
    public void AFileNamingAVariableTheConfigWouldRefuse_IsIgnored(string variable)
    {
        SessionFiles.Write(Paths, SessionFiles.Prepare(Paths, Without), Grant(1, variable: variable));

        Assert.Empty(SessionFiles.Read(Paths, Without));
    }

    [Fact]
    public void DamagedAndHalfWrittenFiles_AreIgnored()
    {
        var directory = SessionFiles.Prepare(Paths, Without);
        SessionFiles.Write(Paths, directory, Grant(1));
        File.WriteAllText(Path.Combine(directory, "2.grant"), "{ not json");
        File.WriteAllText(Path.Combine(directory, "3.grant"), "{\"lease\": 3}");
        File.WriteAllText(Path.Combine(directory, "4.tmp"), "{\"lease\": 4, \"secret\": \"half");

        Assert.Equal([1L], SessionFiles.Read(Paths, Without).Select(g => g.Lease));
    }

    [Fact]
    public void RemoveExpired_TakesTheExpiredFiles_AndPointersToFilesThatAreGone()
    {
        var runtime = Directory.CreateDirectory(Path.Combine(root, "run"), PrivateDirectory.OwnerOnly).FullName;
        var directory = SessionFiles.Prepare(Paths, WithRuntime(runtime));
        SessionFiles.Write(Paths, directory, Grant(1, minutes: -1));
        SessionFiles.Write(Paths, directory, Grant(2, minutes: 10));
        var gone = SessionFiles.Write(Paths, directory, Grant(3, minutes: 10));
        File.Delete(gone);

        SessionFiles.RemoveExpired(Paths, Now);

        Assert.Equal([2L], SessionFiles.Read(Paths, Without).Select(g => g.Lease));
        Assert.Equal(["2.at"], Directory.GetFiles(InStore).Select(Path.GetFileName));
    }

    [Fact]
    public void TheFileIsRenamedIntoPlace_NoTemporaryFileStays()
    {
        var file = SessionFiles.Write(Paths, SessionFiles.Prepare(Paths, Without), Grant(1));

        Assert.Contains(Grant(1).Secret, Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(InStore, "1.tmp")));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
