using Dialtone.Core.UseCases.Doctor;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests;

/// <summary>
/// A damaged store, a read-only store or record directory, and the places that are not repositories:
/// the doctor finds what is wrong and says the one command that fixes it; commands fail clearly and
/// change nothing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StoreHealthTests
{
    private const int HeaderBytes = 3 * 4096;
    private const int BlockBytes = 256 * 1024;

    private static string Database(TempRepo repo) => Path.Combine(repo.Path_, ".git", "dialtone", "dialtone.duckdb");

    private static TempRepo TicketWithHistory()
    {
        var repo = new TempRepo();
        Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "start", "health").ExitCode);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(0, Cli.Run(repo.Path_, "ticket", "log", $"note {i}: enough text to land in the journal's blocks").ExitCode);
        }

        return repo;
    }

    [Fact]
    public void Doctor_NeverPassesAStore_ThatACommandCannotRead()
    {
        using var repo = TicketWithHistory();
        var original = File.ReadAllBytes(Database(repo));
        var blocks = (original.Length - HeaderBytes) / BlockBytes;
        var caught = 0;

        // Damage each block in turn (past its checksum), as a bad disk sector would.
        for (var block = 0; block < blocks; block++)
        {
            var damaged = (byte[])original.Clone();
            Array.Fill(damaged, (byte)0xA5, HeaderBytes + (block * BlockBytes) + 16, 64);
            File.WriteAllBytes(Database(repo), damaged);

            var status = Handler(() => StatusUseCase.Run(Workspace.Discover(repo.Path_)));
            var doctor = DoctorUseCase.Run(repo.Path_);

            if (status.ExitCode != 0)
            {
                Assert.True(doctor.ExitCode == 3, $"block {block}: status failed but doctor passed\n{string.Join('\n', doctor.Lines.Select(l => l.Text))}");
            }

            if (doctor.ExitCode != 0)
            {
                caught++;
                Assert.Contains(doctor.Lines, l => l.Text.StartsWith("store:", StringComparison.Ordinal) && l.Text.Contains("Corrupt", StringComparison.Ordinal));
                Assert.Equal($"mv {Database(repo)} {Database(repo)}.broken", doctor.Lines[^1].Text);
            }
        }

        Assert.True(caught > 0, "no damaged block was ever read: the test damaged nothing that matters");
    }

    [Fact]
    public void ATruncatedStore_IsReported_TheOtherChecksStillRun_AndTheFixRebuildsFromTheRecords()
    {
        using var repo = TicketWithHistory();
        using (var file = File.Open(Database(repo), FileMode.Open))
        {
            file.SetLength(5000);
        }

        var doctor = Cli.Run(repo.Path_, "doctor");

        Assert.True(doctor.ExitCode == 3, doctor.ToString());
        Assert.Contains(doctor.Lines, l => l.StartsWith("[FAIL] store:", StringComparison.Ordinal));
        Assert.Contains(doctor.Lines, l => l.StartsWith("[WARN] hooks:", StringComparison.Ordinal));
        Assert.Contains(doctor.Lines, l => l.StartsWith("[PASS] config:", StringComparison.Ordinal));
        var action = doctor.Lines.Last();
        Assert.StartsWith("[ACTION] mv ", action, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", doctor.StdOut + doctor.StdErr, StringComparison.Ordinal);

        // Run the action as printed: the next command rebuilds the store from the committed record.
        File.Move(Database(repo), Database(repo) + ".broken");
        var status = Cli.Run(repo.Path_, "ticket", "status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("Current ticket: health", status.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void AReadOnlyStoreDirectory_IsReportedByDoctor_WithTheFix()
    {
        using var repo = TicketWithHistory();
        Unprivileged.ReadOnly(Path.Combine(repo.Path_, ".git", "dialtone"));
        try
        {
            var doctor = Unprivileged.Run(repo.Path_, "doctor");

            Assert.True(doctor.ExitCode == 3, doctor.ToString());
            Assert.Contains(doctor.Lines, l => l.StartsWith("[FAIL] store directory:", StringComparison.Ordinal) && l.Contains("not writable", StringComparison.Ordinal));
            Assert.StartsWith("[ACTION] chmod u+rwx ", doctor.Lines.Last(), StringComparison.Ordinal);
        }
        finally
        {
            Unprivileged.Open(Path.Combine(repo.Path_, ".git", "dialtone"));
        }
    }

    [Fact]
    public void AReadOnlyRecordDirectory_FailsTheCommand_AndTheStoreDoesNotChange()
    {
        using var repo = TicketWithHistory();
        var store = Path.Combine(repo.Path_, ".git", "dialtone");
        foreach (var path in Directory.EnumerateFileSystemEntries(store, "*", SearchOption.AllDirectories).Append(store))
        {
            Unprivileged.Open(path);
        }

        var tickets = Path.Combine(repo.Path_, ".dialtone", "tickets");
        Unprivileged.ReadOnly(tickets);
        try
        {
            var add = Unprivileged.Run(repo.Path_, "ticket", "subtask", "add", "parse", "--desc", "parse it", "--condition", "exits 0", "--test", "true");

            Assert.True(add.ExitCode == 3, add.ToString());
            Assert.Contains("Cannot write the ticket record '.dialtone/tickets/health.json': permission denied", add.StdOut, StringComparison.Ordinal);
            Assert.Contains("Nothing was changed.", add.StdOut, StringComparison.Ordinal);
            Assert.DoesNotContain("UnauthorizedAccess_", add.StdOut, StringComparison.Ordinal);
            Assert.StartsWith("[ACTION] ", add.Lines.Last(), StringComparison.Ordinal);
        }
        finally
        {
            Unprivileged.Open(tickets);
        }

        // Nothing landed: the same command succeeds now instead of saying the subtask exists.
        var retry = Cli.Run(repo.Path_, "ticket", "subtask", "add", "parse", "--desc", "parse it", "--condition", "exits 0", "--test", "true");
        Assert.True(retry.ExitCode == 0, retry.ToString());
        Assert.Empty(Directory.EnumerateFiles(tickets, "*.tmp"));
        Assert.Empty(Directory.EnumerateFiles(tickets, ".*"));
    }

    [Fact]
    public void ABareRepository_AndAMissingDashCDirectory_HaveTheirOwnMessages()
    {
        using var repo = new TempRepo();
        var bare = repo.Sibling("bare.git");
        TempRepo.RunGit(repo.Path_, "clone", "-q", "--bare", repo.Path_, bare);

        var inBare = Cli.Run(bare, "ticket", "status");
        var missing = Cli.Run(repo.Path_, "-C", repo.Sibling("no-such-dir"), "ticket", "status");

        Assert.True(inBare.ExitCode == 3, inBare.ToString());
        Assert.Contains("is a bare git repository", inBare.StdOut, StringComparison.Ordinal);
        Assert.StartsWith("[ACTION] git clone ", inBare.Lines.Last(), StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("does not exist", missing.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("git init", missing.StdOut, StringComparison.Ordinal);
    }

    private static Dialtone.Core.Output.Reply Handler(Func<Dialtone.Core.Output.Reply> body) => Commands.Handler.Execute(body);
}
