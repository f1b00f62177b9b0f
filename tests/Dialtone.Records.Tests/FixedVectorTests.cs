namespace Dialtone.Records.Tests;

/// <summary>
/// A record written by the CLI for a scripted repository (README.md "# vectors", src/main.c), checked
/// in byte for byte with the hashes it carries. The hash input format and the record layout are in
/// every committed record: if any of these tests fails, existing records no longer verify — change
/// the format version and migrate instead.
/// </summary>
public sealed class FixedVectorTests
{
    private const string SnapshotTree = "bac9ebe6db621e8300cae897f51b79b2af16053a";
    private const string FirstAttestation = "299440c911f9fd8f7b44e032d03bd763453a250764f1bbd15c190f70e842d510";
    private const string SecondAttestation = "94906aab0b04458841f83fbdbdf78b53b6fb55f86ff024a2fcd6432b70c94424";
    private const string ValidationHash = "23b290decae86449526f3e755553a8e149c02e5ac1208ccf4771596bb651a338";

    private static byte[] Bytes() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Vectors", "format1-vectors.json"));

    [Fact]
    public void TheRecord_ParsesAndVerifies()
    {
        var record = RecordCodec.Parse(Bytes());

        Assert.Null(RecordVerifier.Verify(record));
        Assert.Equal(1, record.Format);
        Assert.Equal("vectors", record.Ticket);
        Assert.Equal(["check-main", "check-readme"], record.Subtasks.Select(s => s.Name));
        Assert.All(record.Attestations, a => Assert.Equal(SnapshotTree, a.Tree));
        Assert.Equal(SnapshotTree, record.Validation!.Tree);
    }

    [Fact]
    public void TheChainHashes_AreTheCheckedInValues()
    {
        var record = RecordCodec.Parse(Bytes());

        Assert.Equal(ChainHash.Genesis, record.Attestations[0].PrevHash);
        Assert.Equal(FirstAttestation, ChainHash.Of("vectors", record.Attestations[0]));
        Assert.Equal(FirstAttestation, record.Attestations[1].PrevHash);
        Assert.Equal(SecondAttestation, ChainHash.Of("vectors", record.Attestations[1]));
        Assert.Equal(SecondAttestation, record.Validation!.PrevHash);
        Assert.Equal(ValidationHash, ChainHash.Of("vectors", record.Validation));
    }

    [Fact]
    public void WritingItBack_GivesTheSameBytes()
    {
        var bytes = Bytes();

        var written = RecordCodec.Serialize(RecordCodec.Parse(bytes));

        Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes).TrimEnd('\n'), System.Text.Encoding.UTF8.GetString(written).TrimEnd('\n'));
    }

    [Theory]
    [InlineData("\"signer\": \"Vector Author\"", "\"signer\": \"Someone Else\"", "attestation 1 ('check-main') does not match its hash")]
    [InlineData("\"exitCode\": 0,\n      \"durationMs\": 8", "\"exitCode\": 0,\n      \"durationMs\": 9", "attestation 2 ('check-readme') does not match its hash")]
    [InlineData("\"passed\": true,\n    \"results\"", "\"passed\": false,\n    \"results\"", "the validation does not match its hash")]
    public void AnEditedField_NoLongerVerifies(string original, string edited, string problem)
    {
        var text = System.Text.Encoding.UTF8.GetString(Bytes());
        Assert.Contains(original, text, StringComparison.Ordinal);

        var record = RecordCodec.Parse(System.Text.Encoding.UTF8.GetBytes(text.Replace(original, edited, StringComparison.Ordinal)));

        Assert.Equal(problem, RecordVerifier.Verify(record));
    }
}
