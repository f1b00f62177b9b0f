using System.Globalization;
using System.Text.Json;
using Dialtone.Core.Output;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// Evidence is for the reviewer: every entry of HEAD's record is shown as a [WARN], and none may
/// have been dropped along the way — no committed version of the record since the merge-base may
/// hold an entry that HEAD's record lacks (one `git log` and one `git cat-file --batch`; each
/// version's evidence is read without building the rest of the record).
/// </summary>
public static class EvidenceHistory
{
    /// <summary>How many versions of the record are read at most (the newest); more are reported as unchecked.</summary>
    public const int MaxVersions = 200;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>What the record's history says: the entries dropped since (with the commit of a version that had each), versions read, and whether older ones were left unread.</summary>
    public sealed record Findings(IReadOnlyList<(string Commit, Evidence Entry)> Dropped, int Read, bool Capped);

    /// <summary>Reads the record's committed versions since the merge-base; touches no report, so it can run beside the tests.</summary>
    public static Findings Collect(GitRepository repository, TicketRecord record, string mergeBase, string head)
    {
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

            foreach (var e in EvidenceOf(blob.Content))
            {
                if (!kept.Contains(e.Hash) && !dropped.Exists(d => d.Entry.Hash == e.Hash))
                {
                    dropped.Add((read[i], e));
                }
            }
        }

        return new Findings(dropped, seen.Count, commits.Count > MaxVersions);
    }

    public static void Report(TicketRecord record, Findings findings, VerifyReport report)
    {
        foreach (var e in record.Evidence)
        {
            report.Evidence.Add(e);
            report.Add(VerifyCheck.Warn($"evidence {e.Seq}", $"evidence #{e.Seq} {TicketText.OneLine(e.Kind, 40)} ({e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC): {TicketText.OneLine(e.Detail, 300)}"));
        }

        var path = VerifyTarget.RecordPath(record.Ticket);
        foreach (var (commit, e) in findings.Dropped)
        {
            report.Add(VerifyCheck.Fail(
                $"evidence dropped {VerifyReport.Short(commit)}",
                $"evidence: the record committed in {VerifyReport.Short(commit)} has evidence #{e.Seq} {TicketText.OneLine(e.Kind, 40)} ({TicketText.OneLine(e.Detail, 200)}) that HEAD's record lacks: evidence is append-only.",
                "put the dropped entries back: the store where the ticket was worked still has them (./dialtone.sh ticket status rewrites the record from it); commit the record.",
                $"git show {VerifyReport.Short(commit)}:{path}"));
        }

        var versions = $"{findings.Read} version{VerifyReport.Plural(findings.Read)} read{(findings.Capped ? $", the newest {MaxVersions}; older ones were not" : "")}";
        if (findings.Dropped.Count == 0)
        {
            report.Add(VerifyCheck.Pass("evidence", $"evidence: {record.Evidence.Count} entr{(record.Evidence.Count == 1 ? "y" : "ies")}; no committed version of the record since the merge-base had one that HEAD's lacks ({versions})."));
        }
        else if (findings.Capped)
        {
            report.Add(VerifyCheck.Warn("evidence", $"evidence: {versions}."));
        }
    }

    /// <summary>
    /// The evidence array of one committed version, read with a forward-only reader that skips the
    /// rest of the record; a version that does not parse has none to lose (HEAD's own record is checked
    /// whole elsewhere).
    /// </summary>
    private static List<Evidence> EvidenceOf(byte[] content)
    {
        try
        {
            var reader = new Utf8JsonReader(content, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return [];
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEvidence = reader.ValueTextEquals("evidence"u8);
                if (!reader.Read())
                {
                    return [];
                }

                if (isEvidence && reader.TokenType == JsonTokenType.StartArray)
                {
                    using var array = JsonDocument.ParseValue(ref reader);
                    return [.. array.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(Entry)];
                }

                reader.Skip();
            }

            return [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static Evidence Entry(JsonElement item) => new()
    {
        Seq = item.TryGetProperty("seq", out var seq) && seq.TryGetInt32(out var number) ? number : 0,
        Kind = Text(item, "kind"),
        Detail = Text(item, "detail"),
        At = item.TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var time) ? time : default,
        PrevHash = Text(item, "prevHash"),
        Hash = Text(item, "hash"),
    };

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
