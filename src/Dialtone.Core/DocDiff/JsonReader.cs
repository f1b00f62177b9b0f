using System.Text.Json;

namespace Dialtone.Core.DocDiff;

/// <summary>JSON (System.Text.Json; comments and trailing commas allowed) as <see cref="DataValue"/>s; null when invalid.</summary>
internal static class JsonReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    public static DataValue? Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return Convert(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DataValue Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                {
                    var map = new DataMap();
                    foreach (var property in element.EnumerateObject())
                    {
                        map.Entries.Add(new(property.Name, Convert(property.Value)));
                    }

                    return map;
                }

            case JsonValueKind.Array:
                {
                    var list = new DataList();
                    foreach (var item in element.EnumerateArray())
                    {
                        list.Items.Add(Convert(item));
                    }

                    return list;
                }

            case JsonValueKind.String:
                return new DataScalar(element.GetString() ?? "", "string");
            case JsonValueKind.Number:
                {
                    var raw = element.GetRawText();
                    return new DataScalar(raw, raw.IndexOfAny(['.', 'e', 'E']) >= 0 ? "number" : "integer");
                }

            case JsonValueKind.True:
                return new DataScalar("true", "boolean");
            case JsonValueKind.False:
                return new DataScalar("false", "boolean");
            default:
                return new DataScalar("null", "null");
        }
    }
}
