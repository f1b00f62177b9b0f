using BenchmarkDotNet.Attributes;
using Dialtone.Core.Records;
using Dialtone.Core.Tickets;

namespace Dialtone.Bench;

/// <summary>The record is read and written by every command that touches a ticket.</summary>
[MemoryDiagnoser]
public class RecordBenchmarks
{
    private string workTree = "";

    [Params(5, 50)]
    public int Subtasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        workTree = Directory.CreateTempSubdirectory("dialtone-bench-").FullName;
        var ticket = new Ticket { Name = "bench", Branch = "bench", Revision = 1, Description = "benchmark ticket" };
        for (var i = 0; i < Subtasks; i++)
        {
            ticket.Subtasks.Add(new Subtask { Name = $"step-{i}", Description = "a step", Conditions = ["exits 0"], TestCommand = "true" });
        }

        RecordFile.Write(workTree, ticket);
    }

    [Benchmark]
    public Ticket? Read() => RecordFile.Read(workTree, "bench");

    [Benchmark]
    public string ReadThenWrite() => RecordFile.Write(workTree, RecordFile.Read(workTree, "bench")!);

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(workTree, recursive: true);
}
