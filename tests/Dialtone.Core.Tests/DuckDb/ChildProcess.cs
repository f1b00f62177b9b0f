namespace Dialtone.Core.Tests.DuckDb;

/// <summary>
/// Runs this test assembly again as a separate process (see <see cref="ChildProcessEntry"/>). Used
/// where the behaviour under test is per process: DuckDB's file lock (a POSIX record lock, which a
/// process never conflicts with itself on) and the DIALTONE_DUCKDB_LIB variable.
/// </summary>
internal static class ChildProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public string Line => Output.Trim();
    }

    public static Outcome Run(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var outcome = Dialtone.Tests.ChildProcess.Run(
            Dialtone.Tests.TestHost.Dotnet,
            Environment.CurrentDirectory,
            ["exec", typeof(ChildProcessEntry).Assembly.Location, .. arguments],
            environment,
            TimeSpan.FromMinutes(1));
        return new Outcome(outcome.ExitCode, outcome.StdOut, outcome.StdErr);
    }
}
