using Dialtone.Core.Memory;
using Dialtone.Core.Tickets;

namespace Dialtone.Core.Tests.Memory;

/// <summary>The archive's write path on a real store: what an entry holds, rewriting, catch-up, imports.</summary>
public sealed class ArchiveTableTests : IDisposable
{
    private readonly History history = new();

    private static Ticket Webhooks(TicketStatus status = TicketStatus.Done)
    {
        var ticket = History.Ticket("stripe-webhooks", "Verify Stripe webhooks", status, History.T0,
            ("verify-signature", "Check the Stripe-Signature header", "dotnet test --filter Signature"),
            ("retry-events", "Retry failed webhook events", "dotnet test --filter Retry"));
        ticket.Subtasks[1].Dependencies = ["verify-signature"];
        ticket.Tip = "Remember to escape the webhook secret.";
        return ticket;
    }

    [Fact]
    public void Write_KeepsSubtasksRunStatisticsSummaryTipAndFiles()
    {
        using var store = history.Open();
        var ticket = Webhooks();
        store.Tickets.Save(ticket);
        History.Run(store, ticket.Name, "verify-signature", "dotnet test --filter Signature", 1, 900, "t1", History.T0.AddMinutes(5));
        History.Run(store, ticket.Name, "verify-signature", "dotnet test --filter Signature", 0, 1200, "t2", History.T0.AddMinutes(9));
        History.Run(store, ticket.Name, "retry-events", "dotnet test --filter Retry", 0, 300, "t3", History.T0.AddMinutes(12));
        History.Run(store, ticket.Name, "retry-events", "dotnet test --filter Retry", 2, 310, "t4", History.T0.AddMinutes(14));
        store.Journal.Log(ticket.Name, "note", null, "started", History.T0);

        store.InTransaction(() => store.Archive.Write(ticket, "Signature checked, retries added.", new string('c', 40), ["src/Hook.cs", "tests/HookTests.cs"], History.T0.AddHours(2)));

        using (var row = store.Connection.Query("SELECT subtasks, runs, passed_runs, failed_runs, regressions, log_entries, files, summary, tip, head_commit, archived_at FROM archive WHERE ticket = $1", ticket.Name))
        {
            Assert.True(row.Read());
            Assert.Equal([2L, 4L, 2L, 2L, 1L, 1L, 2L], Enumerable.Range(0, 7).Select(i => row.GetInt64(i)).ToArray());
            Assert.Equal("Signature checked, retries added.", row.GetString(7));
            Assert.Equal("Remember to escape the webhook secret.", row.GetString(8));
            Assert.Equal(new string('c', 40), row.GetString(9));
            Assert.Equal(History.T0.AddHours(2).UtcDateTime, row.GetDateTime(10));
        }

        using (var row = store.Connection.Query("SELECT name, runs, passed_runs, failed_runs, regressions, last_pass_ms FROM archive_subtasks WHERE ticket = $1 ORDER BY position", ticket.Name))
        {
            Assert.True(row.Read());
            Assert.Equal(("verify-signature", 2L, 1L, 1L, 0L, 1200L), (row.GetString(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4), row.GetInt64(5)));
            Assert.True(row.Read());
            Assert.Equal(("retry-events", 2L, 1L, 1L, 1L, 300L), (row.GetString(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4), row.GetInt64(5)));
        }

        var subtasks = store.Archive.Subtasks(ticket.Name);
        Assert.Equal(["verify-signature", "retry-events"], subtasks.Select(s => s.Name));
        Assert.Equal("Check the Stripe-Signature header", subtasks[0].Description);
        Assert.Equal(["the command exits 0"], subtasks[0].Conditions);
        Assert.Equal("dotnet test --filter Signature", subtasks[0].TestCommand);
        Assert.Equal(["verify-signature"], subtasks[1].Dependencies);
    }

    [Fact]
    public void Rewriting_ReplacesTheEntry_AndReusesTheVocabulary()
    {
        using var store = history.Open();
        var archive = store.Archive;
        var ticket = Webhooks();
        store.InTransaction(() => archive.Write(ticket, null, null, ["src/Hook.cs"], History.T0));
        long Count(string table) => store.Connection.Scalar<long>($"SELECT CAST(count(*) AS BIGINT) FROM {table}");
        var before = new[] { Count("archive"), Count("archive_subtasks"), Count("archive_terms"), Count("archive_subtask_terms"), Count("archive_files"), Count("memory_terms") };

        store.InTransaction(() => archive.Write(ticket, null, null, ["src/Hook.cs"], History.T0));

        long[] after = [Count("archive"), Count("archive_subtasks"), Count("archive_terms"), Count("archive_subtask_terms"), Count("archive_files"), Count("memory_terms")];
        Assert.Equal(before, after);
        Assert.Equal(1, before[0]);
        Assert.True(before[2] > 0 && before[5] > 0);
    }

    [Fact]
    public void TermTables_HoldWeightedFrequencies()
    {
        using var store = history.Open();
        store.InTransaction(() => store.Archive.Write(Webhooks(), null, null, [], History.T0));

        // "stripe": name ×3 + description ×2 + the verify-signature description ×1.
        var tf = store.Connection.Scalar<double>("SELECT t.tf FROM archive_terms t JOIN memory_terms m ON m.id = t.term_id WHERE t.ticket = 'stripe-webhooks' AND m.term = 'stripe'");
        Assert.Equal(ArchiveDocument.NameWeight + ArchiveDocument.DescriptionWeight + ArchiveDocument.BodyWeight, tf);
        var length = store.Connection.Scalar<double>("SELECT doc_length FROM archive WHERE ticket = 'stripe-webhooks'");
        Assert.Equal(store.Connection.Scalar<double>("SELECT sum(tf) FROM archive_terms WHERE ticket = 'stripe-webhooks'"), length, 6);
    }

    [Fact]
    public void CatchUp_ArchivesDoneTicketsThatHaveNoEntry()
    {
        using var store = history.Open();
        var tickets = store.Tickets;
        tickets.Save(Webhooks());
        tickets.Save(History.Ticket("still-open", "An open ticket about webhooks", TicketStatus.Open, History.T0));

        Archiver.CatchUp(store);

        var archive = store.Archive;
        Assert.True(archive.Contains("stripe-webhooks"));
        Assert.False(archive.Contains("still-open"));
        Assert.Equal("Remember to escape the webhook secret.", archive.Tip("stripe-webhooks"));
        Assert.Empty(archive.Unarchived(10));
    }

    [Fact]
    public void ImportOrigin_IsRemembered_WithTheSourceTip()
    {
        using var store = history.Open();
        var archive = store.Archive;
        store.InTransaction(() => archive.Write(Webhooks(), null, null, [], History.T0));

        archive.RecordImport("new-ticket", "verify-signature", "stripe-webhooks", "verify-signature", History.T0);

        Assert.Equal(("stripe-webhooks", "verify-signature", "Remember to escape the webhook secret."), archive.ImportOrigin("new-ticket", "verify-signature"));
        Assert.Null(archive.ImportOrigin("new-ticket", "other"));
    }

    public void Dispose() => history.Dispose();
}
