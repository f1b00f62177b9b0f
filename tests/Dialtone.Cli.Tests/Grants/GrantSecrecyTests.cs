using System.Text;
using Dialtone.Cli.Tests.Loop;
using Dialtone.Core.Storage;
using Dialtone.Core.Workflow;
using Dialtone.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>
/// The secret never lands anywhere Dialtone writes — not the DuckDB file (its bytes and every text
/// column queried), not the records, not the ticket log, not the revoke log, not Dialtone's own
/// output — however hard the agent tries: echoed by the command, typed into a log line, a question,
/// a summary (argument, file, stdin), a subtask's fields, a mistyped command, in base64, URL or JSON form.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GrantSecrecyTests : IDisposable
{
    private readonly GrantRepo grant = new();

    private string Base64 => Convert.ToBase64String(Encoding.UTF8.GetBytes(grant.Secret));

    [Fact]
    public void WhileAGrantIsLive_EveryTextDialtoneStoresOrPrints_IsMasked()
    {
        Assert.Equal(0, grant.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--duration", "10m").ExitCode);
        var file = Path.Combine(grant.Outside, "summary.txt");
        File.WriteAllText(file, $"Summary from a file, with the key {grant.Secret} in it.");
        var json = System.Text.Json.JsonSerializer.Serialize(grant.Secret);

        var outputs = new List<CliResult>
        {
            grant.Run("ticket", "log", $"the key is {grant.Secret}"),
            grant.Run("ticket", "log", $"encoded: {Base64}, in a header: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + grant.Secret))}"),
            grant.Run("ticket", "ask", "--fyi", $"Is {Uri.EscapeDataString("k=" + grant.Secret)} the right key?"),
            grant.Run("ticket", "summary", "update", $"Using {grant.Secret} now; next: the webhook."),
            grant.Run("ticket", "summary", "update", "--file", file),
            grant.Run("ticket", "subtask", "add", "leaky", "--desc", $"Call with {grant.Secret}", "--condition", $"prints {json}", "--test", $"printf '%s\\n' '{grant.Secret}'; echo \"$STRIPE_API_KEY\""),
            grant.Run("ticket", "subtask", "edit", "leaky", "--desc", $"Again {Base64}"),
            grant.Run("--json", "ticket", "show"),
            grant.Run("ticket", "status"),
            grant.Run("--json", "ticket", "next"),

            // A mistyped command, whose error echoes what it did not understand.
            grant.Run("ticket", "lgo", grant.Secret),
            grant.Run("ticket", "grant", "--scope", grant.Secret, "--duration", "10m"),
        };
        outputs.Add(ViaStdin($"From stdin: {grant.Secret}"));

        foreach (var (result, index) in outputs.Select((r, i) => (r, i)).Where(p => p.i < 7))
        {
            Assert.True(result.ExitCode == 0, $"command {index}: {result}");
        }

        grant.AssertSecretNowhere(outputs, sessionFilesMayHoldIt: true);

        // Masked, not dropped: a reviewer sees that a secret was there and which.
        var texts = grant.StoreTexts();
        Assert.Contains(texts, t => t.Where == "log.text" && t.Text == $"the key is {GrantRepo.Redacted}");
        Assert.Contains(texts, t => t.Where == "summaries.text" && t.Text == $"From stdin: {GrantRepo.Redacted}");
        Assert.Contains(texts, t => t.Where == "messages.question" && t.Text.Contains(GrantRepo.Redacted, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Where == "runs.output" && t.Text == $"{GrantRepo.Redacted}\n{GrantRepo.Redacted}\n");
        var leaky = Story.Record(grant.Repo, "demo").GetProperty("subtasks").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "leaky");
        Assert.Equal($"Again {GrantRepo.Redacted}", leaky.GetProperty("description").GetString());
        Assert.Equal($"prints \"{GrantRepo.Redacted}\"", leaky.GetProperty("conditions")[0].GetString());
        Assert.Equal($"printf '%s\\n' '{GrantRepo.Redacted}'; echo \"$STRIPE_API_KEY\"", leaky.GetProperty("test").GetString());
    }

    [Fact]
    public async Task EveryGrantMode_TheSecretIsNowhereButWhereItWasAskedFor()
    {
        var outputs = new List<CliResult>
        {
            // The secret in the command's output, in its arguments, and in the environment of what it starts.
            grant.Grant("10m", "sh", "-c", "for i in 1 2 3; do echo \"$STRIPE_API_KEY\"; echo \"$1\" >&2; done; env | grep STRIPE", "sh", grant.Secret),
            grant.Grant("2s", "sh", "-c", "echo \"$STRIPE_API_KEY\"; sleep 30"),
            grant.Run("ticket", "grant", "--scope", GrantRepo.Scope, "--duration", "1s", "--json"),
            grant.Run("run", "--", "sh", "-c", "cat \"$1\"/*.grant; printf %s \"$STRIPE_API_KEY\" | base64", "sh", grant.SessionDirectory),
        };

        // The session grant's second passes, and the next command revokes it: here one in-process, on a clock a minute ahead.
        using (Workspace.Discover(grant.Repo.Path_, new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1))).OpenStore())
        {
        }

        outputs.Add(grant.Run("ticket", "status"));
        Assert.True(await GrantRepo.Eventually(() => grant.Revoked.Length == 3), string.Join('\n', grant.Revoked));
        outputs.Add(grant.Run("ticket", "grant", "list", "--all"));
        outputs.Add(grant.Run("ticket", "grant", "list", "--json"));
        outputs.Add(grant.Run("ticket", "show", "--json"));
        outputs.Add(grant.Run("ticket", "log", "used the sandbox key"));

        grant.AssertSecretNowhere(outputs);

        // The ticket log says who was granted what, for how long.
        using var store = Store.Open(StorePaths.ForCommonDir(Path.Combine(grant.Repo.Path_, ".git")));
        using var reader = store.Connection.Query("SELECT text FROM log WHERE kind = 'grant' ORDER BY id");
        var log = new List<string>();
        while (reader.Read())
        {
            log.Add(reader.GetString(0));
        }

        Assert.Contains(log, l => l.StartsWith("grant #1: scope 'stripe-sandbox' (STRIPE_API_KEY) for 10 minutes by Test User, to run `sh -c ", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("grant #3: scope 'stripe-sandbox' (STRIPE_API_KEY) for 1 second by Test User, exported to the ticket session", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("grant #2 (stripe-sandbox) ended: was stopped at expiry", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("grant #3 (stripe-sandbox) expired at", StringComparison.Ordinal));
    }

    /// <summary>`printf … | dialtone ticket summary update -`: text the command reads itself, not an argument.</summary>
    private CliResult ViaStdin(string text)
    {
        var outcome = ChildProcess.Run(
            "/bin/sh",
            grant.Repo.Path_,
            ["-c", "printf '%s' \"$1\" | \"$2\" \"$3\" ticket summary update -", "sh", text, Cli.DotnetHost, Cli.Dll],
            grant.Environment,
            TimeSpan.FromSeconds(60));
        return new CliResult(outcome.ExitCode, outcome.StdOut, outcome.StdErr, outcome.Elapsed);
    }

    public void Dispose() => grant.Dispose();
}
