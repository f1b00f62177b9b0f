using BenchmarkDotNet.Attributes;
using Dialtone.Core.Storage;

namespace Dialtone.Bench;

/// <summary>Opening the store (lock + DuckDB open + migration check) is paid by every command.</summary>
public class StoreBenchmarks
{
    private string commonDir = "";

    [Params(1, 10_000)]
    public int Tickets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        commonDir = Directory.CreateTempSubdirectory("dialtone-bench-store-").FullName;
        Seeder.Seed(commonDir, Tickets);
    }

    [Benchmark]
    public int OpenAndClose()
    {
        using var store = Store.Open(StorePaths.ForCommonDir(commonDir));
        return store.SchemaVersion;
    }

    [Benchmark]
    public int OpenAndFindByBranch()
    {
        using var store = Store.Open(StorePaths.ForCommonDir(commonDir));
        return store.Tickets.FindByBranch("seeded-4")?.Subtasks.Count ?? -1;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(commonDir, recursive: true);
}
