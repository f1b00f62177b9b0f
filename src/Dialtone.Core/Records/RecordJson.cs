using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dialtone.Core.Records;

/// <summary>
/// Source-generated System.Text.Json metadata: no reflection at start-up, which the CLI's
/// start-up budget depends on.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(TicketRecord))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class RecordJson : JsonSerializerContext;
