using System.Text.Json.Nodes;
using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Loop;

/// <summary>
/// A record edited by hand so that its hash chain breaks is reported, never trusted, never rewritten
/// (docs/ticket-record.md).
/// </summary>
public sealed class TamperTests
{
    private static void Edit(TempRepo repo, string ticket, Action<JsonObject> edit)
    {
        var path = RecordPath(repo, ticket);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(root);
        File.WriteAllText(path, root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    [Theory]
    [InlineData("exitCode")]
    [InlineData("tree")]
    public void AnEditedAttestation_StopsTheNextCommand_AndTheFileIsLeftAsIs(string field)
    {
        using var repo = new TempRepo();
        StartWith(repo, "tampered", "step", "true");
        AddSubtask(repo, "later", "true");
        PassAndSign(repo, "step");
        Edit(repo, "tampered", root =>
        {
            var attestation = root["attestations"]![0]!.AsObject();
            attestation[field] = field == "exitCode" ? JsonValue.Create(1) : JsonValue.Create(new string('f', 40));
        });
        var tampered = File.ReadAllBytes(RecordPath(repo, "tampered"));

        var next = Expect(2, repo, "ticket", "next");

        Assert.Equal(
            "[FAIL] The ticket record '.dialtone/tickets/tampered.json' cannot be read: its signature chain is broken (attestation 1 ('step') does not match its hash); it was edited by hand and is not trusted. Nothing was changed.",
            next.Lines.First());
        Assert.StartsWith("[ACTION] git checkout -- .dialtone/tickets/tampered.json", next.Lines.Last(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", next.StdOut + next.StdErr, StringComparison.Ordinal);
        Assert.Equal(tampered, File.ReadAllBytes(RecordPath(repo, "tampered")));

        // Not only `next`: every command that reads the record refuses it, and none rewrites it.
        Expect(2, repo, "ticket", "status");
        Expect(2, repo, "ticket", "log", SignText("step"));
        Expect(2, repo, "ticket", "validate");
        Assert.Equal(tampered, File.ReadAllBytes(RecordPath(repo, "tampered")));
    }

    [Fact]
    public void ARemovedAttestationOfADoneSubtask_IsDetected()
    {
        using var repo = new TempRepo();
        StartWith(repo, "erased", "step", "true");
        AddSubtask(repo, "later", "true");
        PassAndSign(repo, "step");
        Ok(repo, "ticket", "next");
        Edit(repo, "erased", root => root["attestations"] = new JsonArray());

        var next = Expect(2, repo, "ticket", "next");

        Assert.Contains("subtask 'step' is marked done but was never signed", next.Lines.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditedValidation_IsDetected()
    {
        using var repo = new TempRepo();
        StartWith(repo, "fake-pass", "step", "true");
        PassAndSign(repo, "step");
        Ok(repo, "ticket", "validate");
        Edit(repo, "fake-pass", root => root["validation"]!["tree"] = new string('a', 40));

        var done = Expect(2, repo, "ticket", "done", "--tip", "Remember to escape the webhook secret.");

        Assert.Contains("the validation does not match its hash", done.Lines.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void RestoringTheCommittedRecord_Recovers()
    {
        using var repo = new TempRepo();
        StartWith(repo, "restored", "step", "true");
        PassAndSign(repo, "step");
        repo.Commit("signed work");
        Edit(repo, "restored", root => root["attestations"]![0]!["exitCode"] = 2);
        Expect(2, repo, "ticket", "status");

        repo.Git("checkout", "--", ".dialtone/tickets/restored.json");

        Ok(repo, "ticket", "next");
        Ok(repo, "ticket", "validate");
    }
}
