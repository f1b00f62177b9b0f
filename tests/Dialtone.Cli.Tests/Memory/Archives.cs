using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Tests;
using static Dialtone.Cli.Tests.Loop.Story;

namespace Dialtone.Cli.Tests.Memory;

/// <summary>
/// Ways to put done tickets into a repository's archive: through the CLI, the whole loop (start,
/// subtask, next, SIGN, commit, done), or in bulk through the archive's own write path.
/// </summary>
public static class Archives
{
    public const string StripeTip = "Remember to escape the webhook secret.";

    /// <summary>
    /// 'previous-stripe-plugin', done through the CLI: one signed subtask that created
    /// src/Stripe/Webhook.cs, and a tip. Leaves the repository on main with everything committed.
    /// </summary>
    public static CliResult StripePluginThroughTheCli(TempRepo repo)
    {
        Ok(repo, "ticket", "start", "previous-stripe-plugin", "--desc", "Integrate Stripe webhooks into the payments plugin");
        Ok(repo, "ticket", "subtask", "add", "verify-signature", "--desc", "Verify the Stripe-Signature header of webhooks",
            "--condition", "grep finds the secret in src/Stripe/Webhook.cs", "--test", "grep -q secret src/Stripe/Webhook.cs");
        repo.Write("src/Stripe/Webhook.cs", "// checks the signing secret\n");
        PassAndSign(repo, "verify-signature");
        repo.Commit("verify-signature");
        Ok(repo, "ticket", "next");
        var done = Ok(repo, "ticket", "done", "--tip", StripeTip);
        repo.Commit("Done: previous-stripe-plugin");
        repo.Git("switch", "-q", "main");
        return done;
    }

    /// <summary>Writes done tickets straight into the archive, as `ticket done` would have.</summary>
    public static void Bulk(TempRepo repo, params Ticket[] tickets)
    {
        using var store = Store.Open(StorePaths.ForCommonDir(Path.Combine(repo.Path_, ".git")));
        var table = store.Tickets;
        var archive = store.Archive;
        store.InTransaction(() =>
        {
            foreach (var ticket in tickets)
            {
                table.Save(ticket);
                archive.Write(ticket, null, null, [], ticket.UpdatedAt);
            }
        });
    }

    public static Ticket Done(string name, string description, string? tip, params (string Name, string Description, string Condition, string Test, string[] Deps)[] subtasks)
    {
        var at = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        var ticket = new Ticket { Name = name, Description = description, Branch = name, BaseBranch = "main", Status = TicketStatus.Done, CreatedAt = at, UpdatedAt = at.AddHours(2), Revision = 4, Tip = tip };
        foreach (var s in subtasks)
        {
            ticket.Subtasks.Add(new Subtask { Name = s.Name, Description = s.Description, Conditions = [s.Condition], TestCommand = s.Test, Dependencies = [.. s.Deps], Status = SubtaskStatus.Done, CreatedAt = at, UpdatedAt = at });
        }

        return ticket;
    }

    /// <summary>A small archive of unrelated work, plus the Stripe signature ticket with two subtasks (the second depends on the first).</summary>
    public static void Shop(TempRepo repo) => Bulk(
        repo,
        Done("stripe-webhook-signature", "Verify Stripe webhook signatures before trusting the event payload", StripeTip,
            ("verify-signature", "Compute the HMAC of the raw body and compare it with the Stripe-Signature header", "SignatureVerifierTests pass", "dotnet test --filter SignatureVerifier", []),
            ("reject-stale-events", "Reject webhook events whose timestamp is older than the tolerance", "a stale event gets HTTP 400", "dotnet test --filter StaleWebhook", ["verify-signature"])),
        Done("csv-export-reports", "Export sales reports as CSV for accounting", "Excel needs a UTF-8 byte order mark to read accents.",
            ("csv-writer", "Write report rows as RFC 4180 CSV", "CsvExporterTests pass", "dotnet test --filter CsvExporter", [])),
        Done("session-timeout", "Sign users out after 30 minutes of inactivity", null,
            ("sliding-expiration", "Configure sliding expiration of the auth cookie", "SessionTimeoutTests pass", "dotnet test --filter SessionTimeout", [])),
        Done("helm-chart", "Deploy to Kubernetes with a Helm chart", "Set resource requests, or the HPA has nothing to scale on.",
            ("chart-lint", "Helm chart passes lint and renders", "helm lint exits 0", "helm lint deploy/helm/shop", [])));
}
