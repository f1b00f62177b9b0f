using System.Globalization;
using System.Text.Json;
using Dialtone.Core.Output;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// Evidence is for the reviewer: every entry of HEAD's record is shown as a [WARN], and none may
/// have been dropped along the way — no committed version of the record since the merge-base may
/// hold an entry that HEAD's record lacks (one `git log` and one `git cat-file --batch`).
/// </summary>
public static class EvidenceHistory
{
    /// <summary>How many versions of the record are read at most (the newest); more are reported as unchecked.</summary>
    public const int MaxVersions = 200;

    public static void Check(GitRepository repository, TicketRecord record, string mergeBase, string head, VerifyReport report)
    {
        foreach (var e in record.Evidence)
        {
            report.Evidence.Add(e);
            report.Add(VerifyCheck.Warn($"evidence {e.Seq}", $"evidence #{e.Seq} {TicketText.OneLine(e.Kind, 40)} ({e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC): {TicketText.OneLine(e.Detail, 300)}"));
        }

        var path = VerifyTarget.RecordPath(record.Ticket);
        var commits = repository.CommitsTouching(mergeBase, head, path, MaxVersions + 1);
        var read = commits.Take(MaxVersions).ToList();
        var versions = repository.ReadObjects([.. read.Select(c => $"{c}:{path}")]);
        var kept = new HashSet<string>(record.Evidence.Select(e => e.Hash), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dropped = new List<(string Commit, Evidence Entry)>();
        for (var i = 0; i < read.Count; i++)
        {
            if (versions[i] is not { Type: "blob" } blob || !seen.Add(blob.Id))
            {
                continue; // Deleted in that commit, or a version already read.
            }

            foreach (var e in Parse(blob.Content))
            {
                if (!kept.Contains(e.Hash) && !dropped.Exists(d => d.Entry.Hash == e.Hash))
                {
                    dropped.Add((read[i], e));
                }
            }
        }

        foreach (var (commit, e) in dropped)
        {
            report.Add(VerifyCheck.Fail(
                $"evidence dropped {VerifyReport.Short(commit)}",
                $"evidence: the record committed in {VerifyReport.Short(commit)} has evidence #{e.Seq} {TicketText.OneLine(e.Kind, 40)} ({TicketText.OneLine(e.Detail, 200)}) that HEAD's record lacks: evidence is append-only.",
                "put the dropped entries back: the store where the ticket was worked still has them (./dialtone.sh ticket status rewrites the record from it); commit the record.",
                $"git show {VerifyReport.Short(commit)}:{path}"));
        }

        var limit = commits.Count > MaxVersions ? $" (the newest {MaxVersions}; older ones not read)" : "";
        if (dropped.Count == 0)
        {
            report.Add(VerifyCheck.Pass("evidence", $"evidence: {record.Evidence.Count} entr{(record.Evidence.Count == 1 ? "y" : "ies")}; no committed version of the record since the merge-base ({seen.Count} read{limit}) had one that HEAD's lacks."));
        }
        else if (limit.Length > 0)
        {
            report.Add(VerifyCheck.Warn("evidence", $"evidence: {seen.Count} versions of the record read{limit}."));
        }
    }

    /// <summary>The evidence of one committed version; a version that does not parse has none to lose (HEAD's own record is checked elsewhere).</summary>
    private static List<Evidence> Parse(byte[] content)
    {
        try
        {
            return RecordCodec.Parse(content).Evidence;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return [];
        }
    }
}
