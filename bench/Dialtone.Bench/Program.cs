using BenchmarkDotNet.Running;
using Dialtone.Bench;

// seed <common-git-dir> <count>: fills a store with archived tickets for whole-process benchmarks.
// anything else: BenchmarkDotNet over the hot paths.
if (args is ["seed", var commonDir, var count])
{
    Seeder.Seed(commonDir, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

// seed-archive <common-git-dir> <count>: fills the memory tables (archive, terms, files) in bulk.
if (args is ["seed-archive", var archiveDir, var archiveCount])
{
    ArchiveSeeder.Seed(archiveDir, int.Parse(archiveCount, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

// time-query <common-git-dir> "<text>" [runs]: the relevance query alone, in process.
if (args is ["time-query", var queryDir, var text, .. var rest])
{
    ArchiveSeeder.TimeQuery(queryDir, text, rest is [var runs] ? int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture) : 50);
    return 0;
}

// forget <common-git-dir> <ticket>: drops a ticket from the store (benchmarks start it again and again).
if (args is ["forget", var forgetDir, var ticket])
{
    ArchiveSeeder.Forget(forgetDir, ticket);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Seeder).Assembly).Run(args);
return 0;
