using Dialtone.Core.Storage;

namespace Dialtone.Core.Tests.Memory;

/// <summary>A real store holding <see cref="ArchiveFixture"/>, filled once for a test class.</summary>
public sealed class FixtureStore : IDisposable
{
    private readonly string commonDir = Directory.CreateTempSubdirectory("dialtone-memory-").FullName;

    public FixtureStore()
    {
        using var store = Open();
        ArchiveFixture.Fill(store);
    }

    public Store Open() => Store.Open(StorePaths.ForCommonDir(commonDir));

    public void Dispose()
    {
        try
        {
            Directory.Delete(commonDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
