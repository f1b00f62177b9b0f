using Dialtone.Core.Gates;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// The pre-commit hook: the commit gate on the index git is about to commit; when it passes, the
/// ticket record is staged with the commit and the trailers are handed to prepare-commit-msg.
/// </summary>
public static class PreCommitHook
{
    public static Reply Run(string directory, HookEnvironment environment)
    {
        var explain = environment.Explain;

        // Reading a record first-uses the regex engine, System.Text.Json and OpenSSL (~15 ms);
        // starting the first git process first-uses the process machinery (~15 ms). Done on two
        // cores at once, a commit waits for the longer of the two instead of their sum.
        var warm = Task.Run(WarmRecordReading);
        var repository = environment.Repository(directory);
        warm.Wait();
        var reply = new Reply();

        // A handoff from an earlier, aborted commit must never label this one.
        TrailerHandoff.Clear(repository.GitDir);
        if (CommitGateCheck.Run(repository, reply, explain) is not var (branch, verdict) || !verdict.Passed)
        {
            return reply;
        }

        if (verdict.Kind == CommitVerdictKind.Merge)
        {
            return reply;
        }

        if (branch.FromHead)
        {
            explain($"{branch.RecordPath} is not in the work tree: nothing to stage");
        }
        else if (RecordStager.StageIfChanged(repository, branch.Ticket.Name))
        {
            reply.Add(Tag.Ticket, $"Staged {branch.RecordPath} with the commit.");
        }
        else
        {
            explain($"{branch.RecordPath} is staged as it is: nothing to add");
        }

        if (environment.GitPid is { Length: > 0 } gitPid)
        {
            TrailerHandoff.Write(repository.GitDir, gitPid, branch.Ticket.Name, verdict.TrailerSubtask);
            explain($"handed trailers to prepare-commit-msg: ticket '{branch.Ticket.Name}', subtask '{verdict.TrailerSubtask ?? "(none)"}'");
        }

        return reply;
    }

    private static void WarmRecordReading()
    {
        try
        {
            _ = Names.IsValid("warm-up");
            _ = RecordCodec.Parse("{\"format\":1,\"ticket\":\"warm-up\",\"attestations\":[]}"u8.ToArray());
            _ = System.Security.Cryptography.SHA256.HashData(ReadOnlySpan<byte>.Empty);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            // Only a warm-up: the real record is read, and its errors reported, on the main path.
        }
    }
}
