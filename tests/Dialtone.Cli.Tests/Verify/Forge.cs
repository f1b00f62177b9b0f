using Dialtone.Git;
using Dialtone.Records;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Verify;

/// <summary>
/// What a forger with the source at hand does to a committed record: adds subtasks, signatures,
/// validations and evidence, and recomputes every hash with the public <see cref="ChainHash"/>, so
/// the record holds together by itself and only re-running its claims can catch it.
/// </summary>
public sealed class Forge
{
    private readonly TempRepo clone;

    public Forge(TempRepo clone, string ticket = "feature")
    {
        this.clone = clone;
        Path = System.IO.Path.Combine(clone.Path_, ".dialtone", "tickets", ticket + ".json");
        Record = RecordCodec.Parse(File.ReadAllBytes(Path));
    }

    public string Path { get; }

    public TicketRecord Record { get; }

    /// <summary>HEAD's tree with `.dialtone/` excluded: the tree a forged signature claims.</summary>
    public string HeadTree => SnapshotTree.OfCommit(GitRepository.Discover(clone.Path_), "HEAD");

    public Forge AddSubtask(string name, string test)
    {
        var at = Record.UpdatedAt.AddMinutes(1);
        Record.Subtasks.Add(new RecordSubtask
        {
            Name = name,
            Description = $"Make {name} pass",
            Conditions = ["the command exits 0"],
            Test = test,
            Status = "done",
            CreatedAt = at,
            UpdatedAt = at,
            StartedAt = at,
        });
        return this;
    }

    public Forge Sign(string subtask, string command, string? tree = null)
    {
        var a = new Attestation
        {
            Seq = Record.Attestations.Count + 1,
            Subtask = subtask,
            Command = command,
            ExitCode = 0,
            DurationMs = 3,
            Tree = tree ?? HeadTree,
            OutputDigest = ChainHash.Sha256Hex([]),
            SignedAt = Record.UpdatedAt.AddMinutes(2),
            Signer = "Test User",
            PrevHash = Record.Attestations.Count == 0 ? ChainHash.Genesis : Record.Attestations[^1].Hash,
        };
        a.Hash = ChainHash.Of(Record.Ticket, a);
        Record.Attestations.Add(a);
        return this;
    }

    /// <summary>A passing validation at HEAD's tree with exactly <paramref name="results"/> (all passing).</summary>
    public Forge Validate(params string[] results)
    {
        var v = new Validation
        {
            Tree = HeadTree,
            ValidatedAt = Record.UpdatedAt.AddMinutes(3),
            Passed = true,
            Results = [.. results.Select(r => new ValidationResult(r, 0, 4, true))],
            PrevHash = Record.Attestations.Count == 0 ? ChainHash.Genesis : Record.Attestations[^1].Hash,
        };
        v.Hash = ChainHash.Of(Record.Ticket, v);
        Record.Validation = v;
        return this;
    }

    /// <summary>A passing validation of every subtask the record has.</summary>
    public Forge ValidateAll() => Validate([.. Record.Subtasks.Select(s => s.Name)]);

    public Forge AddEvidence(string kind, string detail)
    {
        var e = new Evidence
        {
            Seq = Record.Evidence.Count + 1,
            Kind = kind,
            At = Record.UpdatedAt.AddMinutes(4),
            Detail = detail,
            PrevHash = RecordVerifier.EvidenceHead(Record),
        };
        e.Hash = ChainHash.Of(Record.Ticket, e);
        Record.Evidence.Add(e);
        return this;
    }

    /// <summary>Writes the record with its revision bumped, as if Dialtone had.</summary>
    public void Save()
    {
        Record.Revision++;
        Assert.Null(RecordVerifier.Verify(Record));
        File.WriteAllBytes(Path, [.. RecordCodec.Serialize(Record), (byte)'\n']);
    }
}
