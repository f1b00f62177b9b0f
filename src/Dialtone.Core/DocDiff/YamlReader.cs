using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dialtone.Core.DocDiff;

/// <summary>
/// YAML (YamlDotNet's representation model) as <see cref="DataValue"/>s, plain scalars typed by the
/// YAML 1.2 core schema. Only this class touches YamlDotNet, so the assembly loads only when a YAML
/// doc has to be diffed. Null when the text is not valid YAML (the caller falls back to lines).
/// </summary>
internal static partial class YamlReader
{
    public static DataValue? Read(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 1)
            {
                return Convert(stream.Documents[0].RootNode, 0);
            }

            var documents = new DataMap();
            for (var i = 0; i < stream.Documents.Count; i++)
            {
                documents.Entries.Add(new($"document {i + 1}", Convert(stream.Documents[i].RootNode, 0)));
            }

            return documents;
        }
        catch (YamlException)
        {
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // A duplicate key in a mapping; a stream the parser gave up on.
            return null;
        }
    }

    private static DataValue Convert(YamlNode node, int depth)
    {
        // Aliases can build cycles (or a billion laughs); specs are never this deep.
        if (depth > 64)
        {
            return new DataScalar("…", "string");
        }

        var line = (int)Math.Min(int.MaxValue, node.Start.Line);
        switch (node)
        {
            case YamlMappingNode mapping:
                {
                    var map = new DataMap { Line = line };
                    foreach (var (key, value) in mapping.Children)
                    {
                        var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();
                        map.Entries.Add(new(name, Convert(value, depth + 1)));
                    }

                    return map;
                }

            case YamlSequenceNode sequence:
                {
                    var list = new DataList { Line = line };
                    foreach (var item in sequence.Children)
                    {
                        list.Items.Add(Convert(item, depth + 1));
                    }

                    return list;
                }

            case YamlScalarNode scalar:
                return new DataScalar(scalar.Value ?? "", scalar.Style is ScalarStyle.Plain or ScalarStyle.Any ? PlainType(scalar.Value ?? "") : "string") { Line = line };
            default:
                return new DataScalar(node.ToString(), "string") { Line = line };
        }
    }

    /// <summary>The YAML 1.2 core schema's resolution of a plain scalar.</summary>
    private static string PlainType(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return "null";
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return "boolean";
        }

        if (Integer().IsMatch(value))
        {
            return "integer";
        }

        return Float().IsMatch(value) && double.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || value is ".inf" or "-.inf" or "+.inf" or ".nan" or ".NaN"
            ? "number"
            : "string";
    }

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();
}
