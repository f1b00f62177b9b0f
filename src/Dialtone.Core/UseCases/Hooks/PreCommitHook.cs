using Dialtone.Core.Gates;
using Dialtone.Core.Output;
using Dialtone.Core.Tickets;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// The pre-commit hook: the commit gate on the index git is about to commit; when it passes, the
/// ticket record is staged with the commit, the trailers are handed to prepare-commit-msg, and a
/// note tells post-commit that the gate passed this commit (and which tree it signed).
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

        // A handoff or note from an earlier, aborted commit must never label or vouch for this one.
        TrailerHandoff.Clear(repository.GitDir);
        GateNote.Clear(repository.GitDir);
        if (CommitGateCheck.Run(repository, reply, explain) is not var (branch, verdict) || !verdict.Passed)
        {
            return reply;
        }

        var ticket = branch.Ticket!;
        if (verdict.Kind != CommitVerdictKind.Merge)
        {
            if (RecordStager.StageIfChanged(repository, ticket.Name))
            {
                reply.Add(Tag.Ticket, $"Staged {branch.RecordPath} with the commit.");
            }
            else
            {
                explain($"{branch.RecordPath} is staged as it is: nothing to add");
            }
        }

        if (environment.GitPid is not { Length: > 0 } gitPid)
        {
            explain("DIALTONE_GIT_PID is not set: no trailers and no note for post-commit");
            return reply;
        }

        if (verdict.Kind != CommitVerdictKind.Merge)
        {
            TrailerHandoff.Write(repository.GitDir, gitPid, ticket.Name, verdict.TrailerSubtask);
            explain($"handed trailers to prepare-commit-msg: ticket '{ticket.Name}', subtask '{verdict.TrailerSubtask ?? "(none)"}'");
        }

        // The signed tree is what the commit must record outside .dialtone/; bookkeeping and merges need none.
        var tree = verdict.Kind == CommitVerdictKind.Signed ? verdict.StagedTree : null;
        GateNote.Write(repository.GitDir, gitPid, tree);
        explain($"left post-commit a note: the gate passed {(tree is null ? $"a {verdict.Kind.ToString().ToLowerInvariant()} commit" : $"tree {tree}")}");
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
