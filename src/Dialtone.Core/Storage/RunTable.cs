using Dialtone.Core.Runs;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Records;

namespace Dialtone.Core.Storage;

/// <summary>Every test run, kept whole: passes, failures and regressions are never overwritten.</summary>
public sealed class RunTable(DuckDbConnection connection)
{
    private const string Columns =
        "id, ticket, subtask, kind, command, exit_code, timed_out, duration_ms, tree_before, tree_after, passed, touched, left_untracked, regression, output, output_digest, output_bytes, started_at";

    public long Insert(TestRun run)
    {
        run.Id = connection.Scalar<long>(
            """
            INSERT INTO runs (ticket, subtask, kind, command, exit_code, timed_out, duration_ms, tree_before, tree_after, passed,
                              touched, left_untracked, regression, output, output_digest, output_bytes, started_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id
            """,
            run.Ticket, run.Subtask, run.Kind, run.Command, run.ExitCode, run.TimedOut, run.DurationMs, run.TreeBefore, run.TreeAfter, run.Passed,
            RecordCodec.StringList(run.Touched), RecordCodec.StringList(run.LeftUntracked), run.Regression, run.Output, run.OutputDigest,
            run.OutputBytes, run.StartedAt.UtcDateTime);
        return run.Id;
    }

    /// <summary>
    /// Records a run, flagging a regression: it failed where the previous run of the same subtask
    /// and the same command passed. A changed command starts a new history.
    /// </summary>
    public long Record(TestRun run)
    {
        var previous = Latest(run.Ticket, run.Subtask);
        run.Regression = !run.Passed && previous is { Passed: true } && previous.Command == run.Command;
        return Insert(run);
    }

    /// <summary>The most recent run of a subtask (any kind), or null.</summary>
    public TestRun? Latest(string ticket, string subtask) =>
        Load("WHERE ticket = $1 AND subtask = $2 ORDER BY id DESC LIMIT 1", ticket, subtask).FirstOrDefault();

    public List<TestRun> ForTicket(string ticket) => Load("WHERE ticket = $1 ORDER BY id", ticket);

    /// <summary>
    /// How the runs of one command of a subtask ended at one tree (the tree before each ran): a
    /// command that both passed and failed there is flaky, and its pass proves nothing.
    /// </summary>
    public (long Passed, long Failed) OutcomesAt(string ticket, string subtask, string command, string treeBefore)
    {
        using var reader = connection.Query(
            """
            SELECT CAST(count(*) FILTER (WHERE passed) AS BIGINT), CAST(count(*) FILTER (WHERE NOT passed) AS BIGINT)
            FROM runs WHERE ticket = $1 AND subtask = $2 AND command = $3 AND tree_before = $4
            """,
            ticket, subtask, command, treeBefore);
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    /// <summary>Whether the first run of this command of a subtask passed; null when it never ran.</summary>
    public bool? FirstRunPassed(string ticket, string subtask, string command)
    {
        using var reader = connection.Query(
            "SELECT passed FROM runs WHERE ticket = $1 AND subtask = $2 AND command = $3 ORDER BY id LIMIT 1",
            ticket, subtask, command);
        return reader.Read() ? reader.GetBoolean(0) : null;
    }

    /// <summary>
    /// Remembers a validation this store ran itself (its hash, tree and outcome): `ticket done` trusts
    /// only these, never one that arrived in a record (docs/trust.md).
    /// </summary>
    public void RecordValidation(string ticket, Validation validation, DateTimeOffset at) =>
        connection.Execute(
            "INSERT INTO validations_run (ticket, hash, tree, passed, subtasks, ran_at) VALUES ($1, $2, $3, $4, $5, $6)",
            ticket, validation.Hash, validation.Tree, validation.Passed, validation.Results.Count, at.UtcDateTime);

    /// <summary>True when this store ran the validation with this hash for the ticket and it passed.</summary>
    public bool RanPassingValidation(string ticket, string hash) =>
        connection.Scalar<long>(
            "SELECT CAST(count(*) AS BIGINT) FROM validations_run WHERE ticket = $1 AND hash = $2 AND passed",
            ticket, hash) > 0;

    private List<TestRun> Load(string where, params object?[] args)
    {
        using var reader = connection.Query($"SELECT {Columns} FROM runs {where}", args);
        var runs = new List<TestRun>();
        while (reader.Read())
        {
            runs.Add(new TestRun
            {
                Id = reader.GetInt64(0),
                Ticket = reader.GetString(1),
                Subtask = reader.GetString(2),
                Kind = reader.GetString(3),
                Command = reader.GetString(4),
                ExitCode = reader.GetInt32(5),
                TimedOut = reader.GetBoolean(6),
                DurationMs = reader.GetInt64(7),
                TreeBefore = reader.GetString(8),
                TreeAfter = reader.GetString(9),
                Passed = reader.GetBoolean(10),
                Touched = RecordCodec.ParseStringList(reader.GetString(11)),
                LeftUntracked = RecordCodec.ParseStringList(reader.GetString(12)),
                Regression = reader.GetBoolean(13),
                Output = reader.GetString(14),
                OutputDigest = reader.GetString(15),
                OutputBytes = reader.GetInt64(16),
                StartedAt = StoreTime.Utc(reader.GetDateTime(17)),
            });
        }

        return runs;
    }
}
