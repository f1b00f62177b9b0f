using System.Text.Json;
using Dialtone.Core.Tickets;
using Dialtone.Records;

namespace Dialtone.Core.Records;

/// <summary>
/// Reads and writes ticket records in a work tree. Writes are atomic (temp file + rename), so a
/// killed process leaves the old record or the new one, never half of one. A record that cannot be
/// read is reported and left exactly as it is.
/// </summary>
public static class RecordFile
{
    public const string Directory = ".dialtone/tickets";

    /// <summary>Records above this size are refused unread: no real ticket gets near it.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public static string RelativePath(string ticket) => $"{Directory}/{ticket}.json";

    public static string PathIn(string workTree, string ticket) => Path.Combine(workTree, ".dialtone", "tickets", ticket + ".json");

    /// <summary>The record of <paramref name="ticket"/> in the work tree, or null when there is none.</summary>
    public static Ticket? Read(string workTree, string ticket)
    {
        var path = PathIn(workTree, ticket);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > MaxBytes)
            {
                throw Broken(ticket, $"it is {info.Length:N0} bytes, more than the {MaxBytes / (1024 * 1024)} MiB a record may have");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Broken(ticket, ex.Message);
        }

        try
        {
            var parsed = RecordMapper.FromRecord(RecordCodec.Parse(bytes));
            if (parsed.Name != ticket)
            {
                throw new FormatException($"it describes ticket '{parsed.Name}', not '{ticket}'");
            }

            return parsed;
        }
        catch (FormatException ex)
        {
            throw Broken(ticket, ex.Message);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw Broken(ticket, $"it is not valid JSON{where}");
        }
    }

    /// <summary>Writes the record atomically; returns its path relative to the work tree.</summary>
    public static string Write(string workTree, Ticket ticket)
    {
        var path = PathIn(workTree, ticket.Name);
        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, $".{ticket.Name}.json.{Environment.ProcessId}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var bytes = RecordCodec.Serialize(RecordMapper.ToRecord(ticket));
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw DialtoneError.Environment($"Cannot write the ticket record '{RelativePath(ticket.Name)}': {ex.Message}", "Check that the work tree is writable.", ex);
        }

        return RelativePath(ticket.Name);
    }

    private static DialtoneError Broken(string ticket, string why)
    {
        var relative = RelativePath(ticket);
        return DialtoneError.Usage(
            $"The ticket record '{relative}' cannot be read: {why}. Nothing was changed.",
            $"git checkout -- {relative}   (or move the file aside: the next command rewrites it from the store, if the store has the ticket)");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temp file is harmless and ignored by readers.
        }
    }
}
