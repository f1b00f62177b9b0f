using System.Text.Json.Nodes;
using Dialtone.Core.Output;

namespace Dialtone.Core.Gates;

/// <summary>The commit gate's verdict as tagged lines and --json data; shared by the pre-commit hook and `gate commit`.</summary>
public static class CommitVerdictText
{
    /// <summary>Changed paths listed under a block; the rest are counted.</summary>
    public const int MaxPaths = 20;

    public static void Render(Reply reply, CommitVerdict verdict)
    {
        switch (verdict.Kind)
        {
            case CommitVerdictKind.Signed:
                var signature = verdict.Signature!;
                reply.Add(Tag.Pass, $"Commit gate: the staged work is what '{signature.Subtask}' signed (attestation #{signature.Seq}, tree {Short(signature.Tree)}).");
                break;
            case CommitVerdictKind.Bookkeeping:
                reply.Add(Tag.Pass, "Commit gate: nothing outside .dialtone/ changes (ticket bookkeeping).");
                break;
            case CommitVerdictKind.Merge:
                reply.Add(Tag.Pass, "Commit gate: a merge commit passes; signatures made before it are stale afterwards (ticket next and validate re-check them).");
                break;
            default:
                RenderBlock(reply, verdict);
                break;
        }

        reply.Set("gate", () => Json(verdict));
    }

    private static void RenderBlock(Reply reply, CommitVerdict verdict)
    {
        var count = verdict.Changed.Count;
        var paths = $"{count} path{(count == 1 ? "" : "s")}";
        var last = verdict.LastSignature;
        var text = (verdict.Unsigned, last) switch
        {
            ({ } unsigned, null) => $"subtask '{unsigned}' is not signed, and no signature covers the staged work ({paths} changed since HEAD).",
            ({ } unsigned, { } l) => $"subtask '{unsigned}' is not signed, and the staged work differs from the last signature ('{l.Subtask}', attestation #{l.Seq}) in {paths}.",
            (null, { } l) => $"the staged work differs from what '{l.Subtask}' signed (attestation #{l.Seq}) in {paths}.",
            (null, null) => $"no signed subtask covers the staged work ({paths} changed since HEAD).",
        };
        reply.Add(Tag.Block, $"Commit blocked on ticket '{verdict.Ticket}': {text}");
        foreach (var change in verdict.Changed.Take(MaxPaths))
        {
            reply.Detail($"{change.Status} {TicketText.OneLine(change.Path)}");
        }

        if (count > MaxPaths)
        {
            reply.Detail($"… and {count - MaxPaths} more");
        }

        if (verdict.OnlyStagingDiffers)
        {
            reply.Add(Tag.Ticket, "The working tree is exactly what was signed: stage all of it and commit again.");
        }

        reply.Fail(ExitCodes.Blocked, verdict.Action);
    }

    private static JsonObject Json(CommitVerdict verdict)
    {
        var changed = new JsonArray();
        foreach (var change in verdict.Changed)
        {
            changed.Add(new JsonObject { ["status"] = change.Status.ToString(), ["path"] = change.Path });
        }

        return new JsonObject
        {
            ["verdict"] = verdict.Kind.ToString().ToLowerInvariant(),
            ["passed"] = verdict.Passed,
            ["ticket"] = verdict.Ticket,
            ["stagedTree"] = verdict.StagedTree,
            ["subtask"] = verdict.TrailerSubtask,
            ["attestation"] = verdict.Signature?.Seq,
            ["lastSignature"] = verdict.LastSignature is { } last ? new JsonObject { ["subtask"] = last.Subtask, ["attestation"] = last.Seq, ["tree"] = last.Tree } : null,
            ["unsigned"] = verdict.Unsigned,
            ["changed"] = changed,
            ["onlyStagingDiffers"] = verdict.OnlyStagingDiffers,
            ["action"] = verdict.Action,
        };
    }

    private static string Short(string tree) => tree.Length > 7 ? tree[..7] : tree;
}
