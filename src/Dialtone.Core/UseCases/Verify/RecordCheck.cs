using System.Text.Json;
using Dialtone.Core.Records;
using Dialtone.Core.Workflow;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// The ticket's record at HEAD: there, readable, about this ticket, its hash chains intact and its
/// fields agreeing with them (<see cref="RecordVerifier"/>). A record that fails here is a claim that
/// does not hold (exit 1), and nothing else can be checked without it.
/// </summary>
public static class RecordCheck
{
    public static TicketRecord? Run(VerifyTarget target, VerifyReport report)
    {
        var ticket = target.Ticket!;
        var path = VerifyTarget.RecordPath(ticket);
        var history = $"git log --format='%h %s' -- {path}";
        if (target.Record is not { } bytes)
        {
            report.Add(VerifyCheck.Fail(
                "record",
                $"record: ticket '{ticket}' has no record at HEAD ({path}), but the branch's commits say they are its work.",
                "commit the record with the work: where the ticket was worked, ./dialtone.sh ticket status puts a missing record back from the store; commit it.",
                $"{NextStep.Cli} ticket status"));
            return null;
        }

        string? problem;
        TicketRecord? record = null;
        if (bytes.Length > RecordFile.MaxBytes)
        {
            problem = $"it is {bytes.Length:N0} bytes, more than the {RecordFile.MaxBytes / (1024 * 1024)} MiB a record may have";
        }
        else
        {
            try
            {
                record = RecordCodec.Parse(bytes);
                problem = record.Ticket != ticket ? $"it describes ticket '{Core.Tickets.Names.Printable(record.Ticket, 80)}', not '{ticket}'"
                    : RecordVerifier.Verify(record) is { } broken ? $"its hash chain does not hold ({broken}): it was edited by hand"
                    : null;
                if (problem is null)
                {
                    _ = RecordMapper.FromRecord(record); // Names, statuses and the rest of its shape.
                }
            }
            catch (JsonException ex)
            {
                problem = $"it is not valid JSON{(ex.LineNumber is { } line ? $" (line {line + 1})" : "")}";
            }
            catch (FormatException ex)
            {
                problem = ex.Message;
            }
        }

        if (problem is not null)
        {
            report.Add(VerifyCheck.Fail(
                "record",
                $"record: {path} is not trusted: {problem}.",
                "find the commit that broke it in the record's history and commit a record Dialtone wrote (where the ticket was worked, move the broken file aside and ./dialtone.sh ticket status rewrites it from the store).",
                history));
            return null;
        }

        report.Add(VerifyCheck.Pass(
            "record",
            $"record: {path} holds together: revision {record!.Revision}, status {record.Status}, {record.Subtasks.Count} subtask{VerifyReport.Plural(record.Subtasks.Count)}, {record.Attestations.Count} signature{VerifyReport.Plural(record.Attestations.Count)}, chain intact."));
        return record;
    }
}
