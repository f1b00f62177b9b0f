using BenchmarkDotNet.Running;
using Dialtone.Bench;

// seed <common-git-dir> <count>: fills a store with archived tickets for whole-process benchmarks.
// anything else: BenchmarkDotNet over the hot paths.
if (args is ["seed", var commonDir, var count])
{
    Seeder.Seed(commonDir, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Seeder).Assembly).Run(args);
return 0;
