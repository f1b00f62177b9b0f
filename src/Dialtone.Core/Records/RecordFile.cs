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
    public static string Write(string workTree, Ticket ticket, string? scratchDirectory = null)
    {
        Stage(workTree, ticket, scratchDirectory).Publish();
        return RelativePath(ticket.Name);
    }

    /// <summary>
    /// Writes the new record to a temporary file and flushes it, without touching the record yet:
    /// a caller that must keep the store and the record in step stages first (a failure here leaves
    /// both as they were), commits the store, then publishes.
    /// </summary>
    public static StagedRecord Stage(string workTree, Ticket ticket, string? scratchDirectory = null)
    {
        var path = PathIn(workTree, ticket.Name);
        var bytes = RecordCodec.Serialize(RecordMapper.ToRecord(ticket));
        var directory = scratchDirectory ?? Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, $"record-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }

            // Fail now, while nothing has changed, if the record cannot be replaced.
            var target = Path.GetDirectoryName(path)!;
            System.IO.Directory.CreateDirectory(target);
            if (!WriteAccess.CanReplaceIn(target, path))
            {
                throw new UnauthorizedAccessException($"{RelativePath(ticket.Name)} is not writable");
            }

            return new StagedRecord(temp, path, RelativePath(ticket.Name));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw CannotWrite(RelativePath(ticket.Name), ex);
        }
    }

    internal static DialtoneError CannotWrite(string relative, Exception ex) => DialtoneError.Environment(
        $"Cannot write the ticket record '{relative}': {Describe(ex)}. Nothing was changed.",
        $"ls -ld {System.IO.Path.GetDirectoryName(relative)}",
        ex);

    /// <summary>What went wrong, in words (not a .NET resource key).</summary>
    internal static string Describe(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied (the directory or the file is not writable)",
        DirectoryNotFoundException => "its directory does not exist",
        IOException io when io.Message.Contains("space", StringComparison.OrdinalIgnoreCase) => "the disk is full",
        _ => ex.Message,
    };

    private static DialtoneError Broken(string ticket, string why)
    {
        var relative = RelativePath(ticket);
        return DialtoneError.Usage(
            $"The ticket record '{relative}' cannot be read: {why}. Nothing was changed.",
            $"git checkout -- {relative}   (or move the file aside: the next command rewrites it from the store, if the store has the ticket)");
    }

    internal static void TryDelete(string path)
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
