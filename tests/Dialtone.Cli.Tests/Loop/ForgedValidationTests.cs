using Dialtone.Core.Workflow;
using Dialtone.Records;
using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// `ticket done` trusts only a validation this store ran itself, at the current tree, covering every
/// subtask. A validation that arrives in a record — forged with every hash recomputed, or honestly
/// made on another machine — is re-run; one with fewer results than subtasks counts nowhere, the
/// build gate included (docs/trust.md).
/// </summary>
public sealed class ForgedValidationTests
{
    private const string Tip = "Remember to escape the webhook secret.";

    /// <summary>
    /// What an agent with a text editor and the Records library can write: every subtask signed at
    /// the current tree and marked done, a passing validation of the first <paramref name="results"/>
    /// subtasks (all by default), every hash recomputed, the revision bumped so the store imports it.
    /// </summary>
    private static void Forge(TempRepo repo, string ticket, int? results = null)
    {
        var path = RecordPath(repo, ticket);
        var record = RecordCodec.Parse(File.ReadAllBytes(path));
        var tree = Tree(repo);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var previous = ChainHash.Genesis;
        record.Attestations.Clear();
        foreach (var subtask in record.Subtasks)
        {
            var attestation = new Attestation
            {
                Seq = record.Attestations.Count + 1,
                Subtask = subtask.Name,
                Command = subtask.Test!,
                ExitCode = 0,
                DurationMs = 12,
                Tree = tree,
                OutputDigest = ChainHash.Sha256Hex([]),
                SignedAt = at,
                Signer = "Test User",
                PrevHash = previous,
            };
            attestation.Hash = ChainHash.Of(record.Ticket, attestation);
            record.Attestations.Add(attestation);
            previous = attestation.Hash;
            subtask.Status = "done";
        }

        var validation = new Validation
        {
            Tree = tree,
            ValidatedAt = at,
            Passed = true,
            Results = [.. record.Subtasks.Take(results ?? record.Subtasks.Count).Select(s => new ValidationResult(s.Name, 0, 12, true))],
            PrevHash = previous,
        };
        validation.Hash = ChainHash.Of(record.Ticket, validation);
        record.Validation = validation;
        record.Revision += 10;
        Assert.Null(RecordVerifier.Verify(record));
        File.WriteAllBytes(path, RecordCodec.Serialize(record));
    }

    /// <summary>The runs the store holds for a ticket, read from the real DuckDB file.</summary>
    private static List<(string Subtask, string Kind, bool Passed)> Runs(TempRepo repo, string ticket)
    {
        using var store = Workspace.Discover(repo.Path_).OpenStore();
        return store.Runs.ForTicket(ticket).ConvertAll(r => (r.Subtask, r.Kind, r.Passed));
    }

    [Fact]
    public void AForgedPassingValidation_WithNoRunInTheStore_IsReRun_AndTheFailingTestStopsDone()
    {
        using var repo = new TempRepo();
        StartWith(repo, "forged", "feature", "test -f feature.txt");
        Forge(repo, "forged");
        Assert.Empty(Runs(repo, "forged"));

        var done = Expect(1, repo, "ticket", "done", "--tip", Tip);

        var lines = done.Lines.ToList();
        Assert.Equal("[ticket] Validating... Fail.", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("[WARN] The passing validation in the record", StringComparison.Ordinal) && l.Contains("was not run by this store", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[FAIL] Subtask 'feature': `test -f feature.txt` exited 1", StringComparison.Ordinal));
        Assert.StartsWith("[ACTION] ", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("Validating... Pass.", done.StdOut, StringComparison.Ordinal);
        Assert.Equal([("feature", "validate", false)], Runs(repo, "forged"));
        var record = Record(repo, "forged");
        Assert.Equal("open", record.GetProperty("status").GetString());
        Assert.False(record.GetProperty("validation").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void AForgedValidation_OfTestsThatDoPass_IsStillReRun_BeforeDone()
    {
        using var repo = new TempRepo();
        StartWith(repo, "forged-green", "feature", "true");
        Forge(repo, "forged-green");

        var done = Ok(repo, "ticket", "done", "--tip", Tip);

        Assert.Equal("[ticket] Validating... Pass.", done.Lines.First());
        Assert.Contains(done.Lines, l => l.Contains("was not run by this store", StringComparison.Ordinal));
        Assert.Equal([("feature", "validate", true)], Runs(repo, "forged-green"));
        Assert.Equal("done", Record(repo, "forged-green").GetProperty("status").GetString());
    }

    [Fact]
    public void AValidationThisStoreRan_IsTrusted_AndDoneRunsNothing()
    {
        using var repo = new TempRepo();
        StartWith(repo, "honest", "feature", "true");
        PassAndSign(repo, "feature");
        Ok(repo, "ticket", "validate");
        var before = Runs(repo, "honest");

        var done = Ok(repo, "ticket", "done", "--tip", Tip);

        Assert.Equal("[ticket] Validating... Pass.", done.Lines.First());
        Assert.DoesNotContain(done.Lines, l => l.StartsWith("[WARN]", StringComparison.Ordinal));
        Assert.Equal(before, Runs(repo, "honest"));
    }

    [Fact]
    public void AValidationThatCameWithAClone_IsReRunThere()
    {
        // Honest on the machine that made it, but the clone's store never ran it: the record alone proves nothing.
        using var repo = new TempRepo();
        StartWith(repo, "travelled", "feature", "true");
        PassAndSign(repo, "feature");
        Ok(repo, "ticket", "validate");
        repo.Commit("validated work");
        using var clone = repo.Clone("clone");
        clone.Git("checkout", "-q", "travelled");

        var done = Ok(clone, "ticket", "done", "--tip", Tip);

        Assert.Equal("[ticket] Validating... Pass.", done.Lines.First());
        Assert.Contains(done.Lines, l => l.Contains("was not run by this store", StringComparison.Ordinal));
        Assert.Equal([("feature", "validate", true)], Runs(clone, "travelled"));
    }

    [Fact]
    public void AValidationOfFewerSubtasksThanTheTicketHas_CountsNowhere()
    {
        // Validated with one subtask; a second added afterwards changes nothing in the snapshot tree
        // (.dialtone/ is left out of it), so only the coverage rule stops the old validation.
        using var repo = new TempRepo();
        StartWith(repo, "grown", "first", "true");
        PassAndSign(repo, "first");
        Ok(repo, "ticket", "validate");
        AddSubtask(repo, "second", "test -f second.txt");

        var gate = Expect(1, repo, "gate", "build");
        var done = Expect(1, repo, "ticket", "done", "--tip", Tip);

        Assert.StartsWith("[BLOCK] DT0001: Ticket 'grown' is not validated: its last validation covers 1 of 2 subtasks.", gate.StdOut, StringComparison.Ordinal);
        Assert.Equal("[ticket] Validating... Fail.", done.Lines.First());
        Assert.Contains("[FAIL] Subtask 'second' is not signed.", done.Lines);
        Assert.Equal("open", Record(repo, "grown").GetProperty("status").GetString());
    }

    [Fact]
    public void AForgedShortValidation_FailsTheBuildGate()
    {
        using var repo = new TempRepo();
        StartWith(repo, "short", "first", "true");
        AddSubtask(repo, "second", "true");
        Forge(repo, "short", results: 1);

        var gate = Expect(1, repo, "--json", "gate", "build");

        var verdict = gate.Json.GetProperty("data").GetProperty("gate");
        Assert.False(verdict.GetProperty("passed").GetBoolean());
        Assert.Contains("DT0001", gate.StdOut, StringComparison.Ordinal);
        Assert.Contains("covers 1 of 2 subtasks", gate.StdOut, StringComparison.Ordinal);
    }
}
