using System.Text.Json;

namespace Dialtone.Records;

/// <summary>
/// Reads and writes the record format with JsonDocument and Utf8JsonWriter rather than
/// JsonSerializer: the serializer's first use costs ~15 ms of start-up in every command, the
/// reader and writer almost nothing. Field names here are the documented format (docs/ticket-record.md).
/// </summary>
public static class RecordCodec
{
    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 32,
    };

    private static readonly JsonWriterOptions WriteOptions = new() { Indented = true };

    /// <summary>Parses a record; JsonException for malformed JSON, FormatException for a wrong shape.</summary>
    public static TicketRecord Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8, ReadOptions);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"it holds {Describe(root.ValueKind)}, not a record object");
        }

        var record = new TicketRecord
        {
            Format = Int(root, "format") is { } format ? (int)format : 0,
            Ticket = String(root, "ticket") ?? "",
            Revision = Int(root, "revision") ?? 0,
            Description = String(root, "description") ?? "",
            Branch = String(root, "branch") ?? "",
            Parent = String(root, "parent"),
            Status = String(root, "status") ?? "",
            CreatedAt = Time(root, "createdAt") ?? default,
            UpdatedAt = Time(root, "updatedAt") ?? default,
        };
        if (Object(root, "base") is { } recordBase)
        {
            record.Base = new RecordBase { Branch = String(recordBase, "branch"), Commit = String(recordBase, "commit") };
        }

        if (Array(root, "subtasks") is { } subtasks)
        {
            foreach (var item in subtasks.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException("'subtasks' holds something that is not an object");
                }

                record.Subtasks.Add(new RecordSubtask
                {
                    Name = String(item, "name") ?? "",
                    Description = String(item, "description") ?? "",
                    Conditions = Strings(item, "conditions"),
                    Test = String(item, "test"),
                    Deps = Strings(item, "deps"),
                    Status = String(item, "status") ?? "",
                    CreatedAt = Time(item, "createdAt") ?? default,
                    UpdatedAt = Time(item, "updatedAt") ?? default,
                    StartedAt = Time(item, "startedAt"),
                });
            }
        }

        if (Array(root, "attestations") is { } attestations)
        {
            foreach (var item in attestations.EnumerateArray())
            {
                record.Attestations.Add(new Attestation
                {
                    Seq = (int)(Int(item, "seq") ?? 0),
                    Subtask = String(item, "subtask") ?? "",
                    Command = String(item, "command") ?? "",
                    ExitCode = (int)(Int(item, "exitCode") ?? 0),
                    DurationMs = Int(item, "durationMs") ?? 0,
                    Tree = String(item, "tree") ?? "",
                    OutputDigest = String(item, "outputDigest") ?? "",
                    SignedAt = Time(item, "signedAt") ?? default,
                    Signer = String(item, "signer") ?? "",
                    PrevHash = String(item, "prevHash") ?? "",
                    Hash = String(item, "hash") ?? "",
                });
            }
        }

        if (Object(root, "validation") is { } validation)
        {
            var parsed = new Validation
            {
                Tree = String(validation, "tree") ?? "",
                ValidatedAt = Time(validation, "validatedAt") ?? default,
                Passed = Bool(validation, "passed"),
                PrevHash = String(validation, "prevHash") ?? "",
                Hash = String(validation, "hash") ?? "",
            };
            if (Array(validation, "results") is { } results)
            {
                foreach (var item in results.EnumerateArray())
                {
                    parsed.Results.Add(new ValidationResult(
                        String(item, "subtask") ?? "", (int)(Int(item, "exitCode") ?? 0), Int(item, "durationMs") ?? 0, Bool(item, "passed")));
                }
            }

            record.Validation = parsed;
        }

        if (Array(root, "evidence") is { } evidence)
        {
            foreach (var item in evidence.EnumerateArray())
            {
                record.Evidence.Add(new Evidence
                {
                    Seq = (int)(Int(item, "seq") ?? 0),
                    Kind = String(item, "kind") ?? "",
                    At = Time(item, "at") ?? default,
                    Detail = String(item, "detail") ?? "",
                    PrevHash = String(item, "prevHash") ?? "",
                    Hash = String(item, "hash") ?? "",
                });
            }
        }

        if (Object(root, "done") is { } done)
        {
            record.Done = new DoneSeal
            {
                At = Time(done, "at") ?? default,
                Tip = String(done, "tip") ?? "",
                Summary = String(done, "summary"),
                EvidenceHead = String(done, "evidenceHead") ?? "",
                PrevHash = String(done, "prevHash") ?? "",
                Hash = String(done, "hash") ?? "",
            };
        }

        record.Tip = String(root, "tip");
        return record;
    }

    public static byte[] Serialize(TicketRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", record.Format);
            writer.WriteString("ticket", record.Ticket);
            writer.WriteNumber("revision", record.Revision);
            writer.WriteString("description", record.Description);
            writer.WriteString("branch", record.Branch);
            writer.WriteStartObject("base");
            writer.WriteString("branch", record.Base.Branch);
            writer.WriteString("commit", record.Base.Commit);
            writer.WriteEndObject();
            writer.WriteString("parent", record.Parent);
            writer.WriteString("status", record.Status);
            writer.WriteString("createdAt", record.CreatedAt);
            writer.WriteString("updatedAt", record.UpdatedAt);
            writer.WriteStartArray("subtasks");
            foreach (var subtask in record.Subtasks)
            {
                writer.WriteStartObject();
                writer.WriteString("name", subtask.Name);
                writer.WriteString("description", subtask.Description);
                WriteStrings(writer, "conditions", subtask.Conditions);
                writer.WriteString("test", subtask.Test);
                WriteStrings(writer, "deps", subtask.Deps);
                writer.WriteString("status", subtask.Status);
                writer.WriteString("createdAt", subtask.CreatedAt);
                writer.WriteString("updatedAt", subtask.UpdatedAt);
                if (subtask.StartedAt is { } started)
                {
                    writer.WriteString("startedAt", started);
                }
                else
                {
                    writer.WriteNull("startedAt");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteAttestations(writer, record.Attestations);
            WriteValidation(writer, record.Validation);
            if (record.Format >= 2)
            {
                WriteEvidence(writer, record.Evidence);
                WriteDone(writer, record.Done);
            }

            writer.WriteString("tip", record.Tip);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>A JSON array of strings, the way the store keeps conditions and dependencies.</summary>
    public static string StringList(IReadOnlyList<string> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static List<string> ParseStringList(string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = new List<string>(document.RootElement.GetArrayLength());
        foreach (var item in document.RootElement.EnumerateArray())
        {
            values.Add(item.GetString() ?? "");
        }

        return values;
    }

    private static void WriteAttestations(Utf8JsonWriter writer, List<Attestation> attestations)
    {
        writer.WriteStartArray("attestations");
        foreach (var a in attestations)
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", a.Seq);
            writer.WriteString("subtask", a.Subtask);
            writer.WriteString("command", a.Command);
            writer.WriteNumber("exitCode", a.ExitCode);
            writer.WriteNumber("durationMs", a.DurationMs);
            writer.WriteString("tree", a.Tree);
            writer.WriteString("outputDigest", a.OutputDigest);
            writer.WriteString("signedAt", a.SignedAt);
            writer.WriteString("signer", a.Signer);
            writer.WriteString("prevHash", a.PrevHash);
            writer.WriteString("hash", a.Hash);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteValidation(Utf8JsonWriter writer, Validation? validation)
    {
        if (validation is null)
        {
            writer.WriteNull("validation");
            return;
        }

        writer.WriteStartObject("validation");
        writer.WriteString("tree", validation.Tree);
        writer.WriteString("validatedAt", validation.ValidatedAt);
        writer.WriteBoolean("passed", validation.Passed);
        writer.WriteStartArray("results");
        foreach (var r in validation.Results)
        {
            writer.WriteStartObject();
            writer.WriteString("subtask", r.Subtask);
            writer.WriteNumber("exitCode", r.ExitCode);
            writer.WriteNumber("durationMs", r.DurationMs);
            writer.WriteBoolean("passed", r.Passed);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("prevHash", validation.PrevHash);
        writer.WriteString("hash", validation.Hash);
        writer.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter writer, List<Evidence> evidence)
    {
        writer.WriteStartArray("evidence");
        foreach (var e in evidence)
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", e.Seq);
            writer.WriteString("kind", e.Kind);
            writer.WriteString("at", e.At);
            writer.WriteString("detail", e.Detail);
            writer.WriteString("prevHash", e.PrevHash);
            writer.WriteString("hash", e.Hash);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteDone(Utf8JsonWriter writer, DoneSeal? done)
    {
        if (done is null)
        {
            writer.WriteNull("done");
            return;
        }

        writer.WriteStartObject("done");
        writer.WriteString("at", done.At);
        writer.WriteString("tip", done.Tip);
        writer.WriteString("summary", done.Summary);
        writer.WriteString("evidenceHead", done.EvidenceHead);
        writer.WriteString("prevHash", done.PrevHash);
        writer.WriteString("hash", done.Hash);
        writer.WriteEndObject();
    }

    private static bool Bool(JsonElement parent, string name) => Property(parent, name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } other => throw new FormatException($"'{name}' must be true or false, not {Describe(other.ValueKind)}"),
    };

    private static void WriteStrings(Utf8JsonWriter writer, string name, List<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static JsonElement? Property(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement parent, string name) => Property(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } other => throw new FormatException($"'{name}' must be a string, not {Describe(other.ValueKind)}"),
    };

    private static long? Int(JsonElement parent, string name) => Property(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var number) => number,
        { } other => throw new FormatException($"'{name}' must be a whole number, not {Describe(other.ValueKind)}"),
    };

    private static DateTimeOffset? Time(JsonElement parent, string name) => Property(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value when value.TryGetDateTimeOffset(out var time) => time,
        _ => throw new FormatException($"'{name}' must be an ISO 8601 time"),
    };

    private static JsonElement? Object(JsonElement parent, string name) => Property(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => value,
        { } other => throw new FormatException($"'{name}' must be an object, not {Describe(other.ValueKind)}"),
    };

    private static JsonElement? Array(JsonElement parent, string name) => Property(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Array } value => value,
        { } other => throw new FormatException($"'{name}' must be an array, not {Describe(other.ValueKind)}"),
    };

    private static List<string> Strings(JsonElement parent, string name)
    {
        var values = new List<string>();
        if (Array(parent, name) is not { } array)
        {
            return values;
        }

        foreach (var item in array.EnumerateArray())
        {
            values.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new FormatException($"'{name}' must hold only strings"));
        }

        return values;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}
