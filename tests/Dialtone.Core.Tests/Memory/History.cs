using Dialtone.Core.Runs;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;

namespace Dialtone.Core.Tests.Memory;

/// <summary>A store in a temp directory and helpers to write a known history into it.</summary>
public sealed class History : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string commonDir = Directory.CreateTempSubdirectory("dialtone-history-").FullName;

    public Store Open() => Store.Open(StorePaths.ForCommonDir(commonDir));

    public static Ticket Ticket(string name, string description, TicketStatus status, DateTimeOffset created, params (string Name, string Description, string Test)[] subtasks)
    {
        var ticket = new Ticket
        {
            Name = name,
            Description = description,
            Branch = name,
            BaseBranch = "main",
            Status = status,
            CreatedAt = created,
            UpdatedAt = created,
            Revision = 1,
        };
        foreach (var (subtask, text, test) in subtasks)
        {
            ticket.Subtasks.Add(new Subtask
            {
                Name = subtask,
                Description = text,
                Conditions = ["the command exits 0"],
                TestCommand = test,
                Status = status == TicketStatus.Done ? SubtaskStatus.Done : SubtaskStatus.Todo,
                CreatedAt = created,
                UpdatedAt = created,
            });
        }

        return ticket;
    }

    /// <summary>Records one run: exit code, duration, the tree it ran at, and whether it changed files.</summary>
    public static void Run(Store store, string ticket, string subtask, string command, int exitCode, long ms, string tree, DateTimeOffset at, bool touched = false)
    {
        store.Runs.Record(new TestRun
        {
            Ticket = ticket,
            Subtask = subtask,
            Kind = "next",
            Command = command,
            ExitCode = exitCode,
            DurationMs = ms,
            TreeBefore = tree,
            TreeAfter = tree,
            Passed = exitCode == 0 && !touched,
            Touched = touched ? ["out.txt"] : [],
            StartedAt = at,
        });
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(commonDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
