using Dialtone.Core.Runs;
using Dialtone.Core.Storage;
using Dialtone.Records;

namespace Dialtone.Core.Tests.Loop;

/// <summary>
/// What the store remembers so that the loop need not take the record's word: the outcomes of a
/// command at one tree (flaky), its first run (first pass), the validations it ran itself, and how
/// each answer arrived. Real DuckDB files.
/// </summary>
public sealed class TrustStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly string commonDir = Directory.CreateTempSubdirectory("dialtone-trust-").FullName;

    private StorePaths Paths => StorePaths.ForCommonDir(commonDir);

    private static TestRun Run(string subtask, string command, string tree, bool passed) => new()
    {
        Ticket = "t",
        Subtask = subtask,
        Kind = "next",
        Command = command,
        ExitCode = passed ? 0 : 1,
        TreeBefore = tree,
        TreeAfter = tree,
        Passed = passed,
        StartedAt = At,
    };

    [Fact]
    public void OutcomesAt_CountsOnlyTheSameCommandAtTheSameTree()
    {
        using var store = Store.Open(Paths);
        var runs = store.Runs;
        runs.Record(Run("a", "sh check.sh", "tree1", passed: false));
        runs.Record(Run("a", "sh check.sh", "tree1", passed: false));
        runs.Record(Run("a", "sh check.sh", "tree1", passed: true));
        runs.Record(Run("a", "sh check.sh", "tree2", passed: false));
        runs.Record(Run("a", "true", "tree1", passed: true));
        runs.Record(Run("b", "sh check.sh", "tree1", passed: false));

        Assert.Equal((1L, 2L), runs.OutcomesAt("t", "a", "sh check.sh", "tree1"));
        Assert.Equal((0L, 1L), runs.OutcomesAt("t", "a", "sh check.sh", "tree2"));
        Assert.Equal((1L, 0L), runs.OutcomesAt("t", "a", "true", "tree1"));
        Assert.Equal((0L, 0L), runs.OutcomesAt("t", "a", "sh check.sh", "tree3"));
    }

    [Fact]
    public void FirstRunPassed_IsTheOldestRunOfThatCommand()
    {
        using var store = Store.Open(Paths);
        var runs = store.Runs;
        Assert.Null(runs.FirstRunPassed("t", "a", "true"));
        runs.Record(Run("a", "test -f x", "tree1", passed: false));
        runs.Record(Run("a", "true", "tree1", passed: true));
        runs.Record(Run("a", "test -f x", "tree2", passed: true));

        Assert.False(runs.FirstRunPassed("t", "a", "test -f x"));
        Assert.True(runs.FirstRunPassed("t", "a", "true"));
    }

    [Fact]
    public void OnlyAPassingValidationThisStoreRecorded_IsKnown()
    {
        using var store = Store.Open(Paths);
        var passed = new Validation { Tree = "tree1", Passed = true, PrevHash = ChainHash.Genesis, Hash = "aa" };
        var failed = new Validation { Tree = "tree1", Passed = false, PrevHash = ChainHash.Genesis, Hash = "bb" };
        store.Runs.RecordValidation("t", passed, At);
        store.Runs.RecordValidation("t", failed, At);

        Assert.True(store.Runs.RanPassingValidation("t", "aa"));
        Assert.False(store.Runs.RanPassingValidation("t", "bb"));
        Assert.False(store.Runs.RanPassingValidation("other", "aa"));
        Assert.False(store.Runs.RanPassingValidation("t", "cc"));
    }

    [Fact]
    public void AStoreFromBeforeAnswersKeptTheirWay_Upgrades_WithItsAnswersIntact()
    {
        var before = Migrations.All.Where(m => m.Version < 7).ToList();
        using (var old = Store.Open(Paths, migrations: before))
        {
            var id = old.Messages.Ask("t", "Which version?", true, "agent", At);
            old.Connection.Execute("UPDATE messages SET answer = 'v3.2', answered_by = 'dev', answered_at = $2 WHERE id = $1", id, At.UtcDateTime);
        }

        using var store = Store.Open(Paths);
        var message = store.Messages.Find(1)!;
        store.Messages.Answer(message.Id, "v3.3", "dev", At, Messages.Message.ViaRelayed);

        Assert.Equal("v3.2", message.Answer);
        Assert.Null(message.AnsweredVia);
        Assert.Equal("relayed", store.Messages.Find(1)!.AnsweredVia);
    }

    public void Dispose() => Directory.Delete(commonDir, recursive: true);
}
