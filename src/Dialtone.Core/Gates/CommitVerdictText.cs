using System.Text.Json.Nodes;
using Dialtone.Core.Config;
using Dialtone.Core.Output;

namespace Dialtone.Core.Gates;

/// <summary>The commit gate's verdict as tagged lines and --json data; shared by the pre-commit hook and `gate commit`.</summary>
public static class CommitVerdictText
{
    /// <summary>Changed paths listed under a block; the rest are counted.</summary>
    public const int MaxPaths = 20;

    public static void Render(Reply reply, CommitVerdict verdict)
    {
        foreach (var warning in verdict.Warnings)
        {
            reply.Add(Tag.Warn, warning);
        }

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
                reply.Add(Tag.Pass, $"Commit gate: a merge commit passes (it brings in {string.Join(", ", verdict.MergedCommits.Select(Short))}); signatures made before it are stale afterwards (ticket next and validate re-check them).");
                break;
            case CommitVerdictKind.MissingRecord:
                reply.Add(Tag.Block, $"Commit blocked: '{verdict.Ticket}' is a ticket branch ({TicketBranch.Describe(verdict.Source!.Value)}), but its record {Records.RecordFile.RelativePath(verdict.Ticket)} is not in the work tree, so the commit gate has nothing to check this commit against.");
                End(reply, verdict);
                break;
            case CommitVerdictKind.Policy:
                reply.Add(Tag.Block, $"Commit blocked on ticket '{verdict.Ticket}': the staged {DialtoneConfig.RelativePath} changes policy: {string.Join("; ", verdict.PolicyChanges.Select(c => TicketText.OneLine(c)))}.");
                End(reply, verdict);
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

        End(reply, verdict);
    }

    /// <summary>What only the human can do, what follows the fix, then the one command.</summary>
    private static void End(Reply reply, CommitVerdict verdict)
    {
        if (verdict.Message is { } message)
        {
            reply.Add(Tag.Message, message);
        }

        if (verdict.Hint is { } hint)
        {
            reply.Add(Tag.Ticket, hint);
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
            ["verdict"] = Name(verdict.Kind),
            ["passed"] = verdict.Passed,
            ["ticket"] = verdict.Ticket,
            ["stagedTree"] = verdict.StagedTree,
            ["subtask"] = verdict.TrailerSubtask,
            ["attestation"] = verdict.Signature?.Seq,
            ["lastSignature"] = verdict.LastSignature is { } last ? new JsonObject { ["subtask"] = last.Subtask, ["attestation"] = last.Seq, ["tree"] = last.Tree } : null,
            ["unsigned"] = verdict.Unsigned,
            ["changed"] = changed,
            ["onlyStagingDiffers"] = verdict.OnlyStagingDiffers,
            ["policyChanges"] = new JsonArray([.. verdict.PolicyChanges.Select(c => (JsonNode?)c)]),
            ["knownBy"] = verdict.Source is { } source ? Name(source) : null,
            ["merged"] = new JsonArray([.. verdict.MergedCommits.Select(c => (JsonNode?)c)]),
            ["warnings"] = new JsonArray([.. verdict.Warnings.Select(w => (JsonNode?)w)]),
            ["action"] = verdict.Action,
        };
    }

    /// <summary>An enum value as the --json field spells it: kebab-case.</summary>
    private static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        var builder = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(text[i]));
        }

        return builder.ToString();
    }

    private static string Short(string tree) => tree.Length > 7 ? tree[..7] : tree;
}
