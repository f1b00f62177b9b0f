using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Tests.DuckDb;

public sealed class DuckDbLibraryTests : IDisposable
{
    private readonly TempDatabaseDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Version_IsThePinnedRelease()
    {
        Assert.StartsWith("v" + DuckDbLibrary.ExpectedVersion, DuckDbLibrary.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadedFrom_IsTheConfiguredOrBundledFile()
    {
        DuckDbLibrary.EnsureLoaded();

        var configured = Environment.GetEnvironmentVariable(DuckDbLibrary.PathVariable);
        var expected = string.IsNullOrEmpty(configured)
            ? Path.Combine(AppContext.BaseDirectory, DuckDbLibrary.PlatformFileName)
            : Path.GetFullPath(configured);
        Assert.Equal(expected, DuckDbLibrary.LoadedFrom);
    }

    [Fact]
    public void ConfiguredPathThatDoesNotExist_NamesTheVariableAndThePath()
    {
        var missing = temp.File("nowhere/libduckdb.so");

        var error = Assert.Throws<DuckDbLibraryException>(() => DuckDbLibrary.Load(missing, AppContext.BaseDirectory));

        Assert.Contains(DuckDbLibrary.PathVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void BundledLibraryMissing_SaysWhereItLookedAndHowToFix()
    {
        var error = Assert.Throws<DuckDbLibraryException>(() => DuckDbLibrary.Load(null, temp.Root, searchSystem: false));

        Assert.Equal(
            $"libduckdb not found at {Path.Combine(temp.Root, DuckDbLibrary.PlatformFileName)}. Run ./dialtone.sh once to fetch it, or set DIALTONE_DUCKDB_LIB to a libduckdb 1.5.6 file.",
            error.Message);
    }

    [Fact]
    public void FileThatIsNotALibrary_IsReportedAsUnloadable()
    {
        var bogus = temp.File("libduckdb.so");
        File.WriteAllText(bogus, "not a shared object");

        var error = Assert.Throws<DuckDbLibraryException>(() => DuckDbLibrary.Load(bogus, AppContext.BaseDirectory));

        Assert.StartsWith($"libduckdb at {bogus} could not be loaded", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("v1.5.6")]
    [InlineData("v1.5.0")]
    [InlineData("v1.5.7-dev12")]
    public void CheckVersion_AcceptsAny15Release(string version)
    {
        DuckDbLibrary.CheckVersion(version, "/lib/libduckdb.so");
    }

    [Theory]
    [InlineData("v1.4.3")]
    [InlineData("v2.5.6")]
    [InlineData("v1.50.0")]
    [InlineData("garbage")]
    public void CheckVersion_RejectsOtherReleases(string version)
    {
        var error = Assert.Throws<DuckDbLibraryException>(() => DuckDbLibrary.CheckVersion(version, "/lib/libduckdb.so"));

        Assert.Equal(
            $"libduckdb at /lib/libduckdb.so is DuckDB {version}, but Dialtone needs 1.5.6. Run ./dialtone.sh once to fetch it, or set DIALTONE_DUCKDB_LIB to a libduckdb 1.5.6 file.",
            error.Message);
    }

    [Fact]
    public void MissingConfiguredLibrary_InARealProcess_FailsWithTheLibraryError()
    {
        var missing = temp.File("libduckdb.so");

        var outcome = ChildProcess.Run(new Dictionary<string, string?> { [DuckDbLibrary.PathVariable] = missing }, "version");

        Assert.Equal(
            $"DuckDbLibraryException|{DuckDbLibrary.PathVariable} points to {missing}, which does not exist. Set it to a libduckdb 1.5.6 file, or unset it to use the copy shipped beside Dialtone.",
            outcome.Line);
    }

    [Fact]
    public void ConfiguredLibrary_InARealProcess_IsTheOneLoaded()
    {
        var outcome = ChildProcess.Run(
            new Dictionary<string, string?> { [DuckDbLibrary.PathVariable] = Path.Combine(AppContext.BaseDirectory, DuckDbLibrary.PlatformFileName) },
            "version");

        Assert.Equal("v" + DuckDbLibrary.ExpectedVersion, outcome.Line);
    }
}
