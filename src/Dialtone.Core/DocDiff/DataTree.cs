namespace Dialtone.Core.DocDiff;

/// <summary>
/// Builds the diff tree of a YAML or JSON doc. Keys are matched by path; sequences of scalars by
/// value; sequences of mappings by their name/id (OpenAPI parameters) or position. JSON Schema and
/// OpenAPI get their meaning: a schema's type (with format, $ref or array item type) is the
/// element's type, `required: [..]` makes its properties required or optional, `properties` is
/// see-through, and paths, operations and component schemas are named as such.
/// </summary>
internal static class DataTree
{
    private static readonly HashSet<string> SchemaTypes = ["string", "integer", "number", "boolean", "object", "array", "null"];
    private static readonly HashSet<string> HttpMethods = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];
    private static readonly HashSet<string> SchemaContainers = ["schemas", "definitions", "$defs"];
    private static readonly string[] IdentityKeys = ["name", "id", "key", "operationId", "$ref", "url", "title"];

    /// <summary>Where the children of a node are: the label of the nearest named thing and the dotted path below it.</summary>
    private sealed record Context(string Label, string Prefix, bool OpenApi, string? ParentKey, string? PathKey, bool Record);

    public static DocNode Build(DataValue root)
    {
        var document = new DocNode { Kind = NodeKind.Document, Key = "", Name = "", Noun = "Document" };
        var openApi = root is DataMap top && (top["openapi"] is not null || top["swagger"] is not null);
        var context = new Context("", "", openApi, null, null, Record: false);
        if (root is DataMap map && IsSchema(map))
        {
            document.Type = SchemaType(map);
            AddSchemaChildren(document, map, context with { Record = true });
        }
        else
        {
            AddChildren(document, root, context, "");
        }

        return document;
    }

    private static void AddChildren(DocNode parent, DataValue value, Context context, string listName)
    {
        switch (value)
        {
            case DataMap map:
                foreach (var (key, child) in map.Entries)
                {
                    parent.Children.Add(FieldNode(key, child, context));
                }

                break;
            case DataList list:
                AddItems(parent, list, context, listName);
                break;
            default:
                break;
        }
    }

    private static DocNode FieldNode(string key, DataValue value, Context context)
    {
        string noun = "Field";
        string name = context.Prefix + key;
        Context inner;
        if (context.OpenApi && context.ParentKey == "paths" && context.Prefix == "paths." && context.Label.Length == 0)
        {
            noun = "Path";
            name = key;
            inner = context with { Label = $"path '{key}'", Prefix = "", ParentKey = key, PathKey = key, Record = false };
        }
        else if (context.PathKey is not null && context.Prefix.Length == 0 && HttpMethods.Contains(key.ToLowerInvariant()))
        {
            noun = "Operation";
            name = $"{key.ToUpperInvariant()} {context.PathKey}";
            inner = context with { Label = name, Prefix = "", ParentKey = key, PathKey = null, Record = true };
        }
        else if (context.ParentKey is { } parentKey && SchemaContainers.Contains(parentKey) && value is DataMap
            && (context.Prefix == parentKey + "." || context.Prefix == "components." + parentKey + "."))
        {
            noun = "Schema";
            name = key;
            inner = context with { Label = $"schema '{key}'", Prefix = "", ParentKey = key, PathKey = null, Record = true };
        }
        else
        {
            inner = context with { Prefix = name + ".", ParentKey = key, PathKey = null, Record = false };
        }

        var node = new DocNode
        {
            Kind = NodeKind.Field,
            Key = key,
            Name = name,
            Noun = noun,
            Location = context.Label.Length > 0 && noun == "Field" ? $" in {context.Label}" : "",
            AlwaysLocate = true,
            IsAttribute = context.Record && value is DataScalar,
            Line = value.Line,
        };
        Fill(node, value, inner, name);
        return node;
    }

    /// <summary>Gives a node its value: a scalar's text and type, or a mapping's or sequence's children.</summary>
    private static void Fill(DocNode node, DataValue value, Context inner, string name)
    {
        switch (value)
        {
            case DataScalar scalar:
                node.Text = scalar.Text;
                node.Type = scalar.Type;
                break;
            case DataMap map when IsSchema(map) || node.Noun == "Schema":
                node.Type = SchemaType(map);
                AddSchemaChildren(node, map, inner with { Prefix = node.Noun == "Field" ? name + "." : "", Record = true });
                break;
            case DataMap map:
                node.Type = node.Noun == "Field" ? "object" : null;
                AddChildren(node, map, inner, name);
                break;
            case DataList list:
                node.Type = "array";
                AddChildren(node, list, inner, name);
                break;
            default:
                break;
        }
    }

    /// <summary>A schema's children: its properties (see-through), then its other keywords as attributes.</summary>
    private static void AddSchemaChildren(DocNode node, DataMap schema, Context context)
    {
        var properties = schema["properties"] as DataMap;
        var requiredList = schema["required"] as DataList;
        if (schema["required"] is DataScalar { Type: "boolean" } flag)
        {
            node.Required = flag.Text.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        foreach (var (key, value) in schema.Entries)
        {
            switch (key)
            {
                case "type" or "format" or "$ref" when value is DataScalar:
                case "required" when value is DataScalar { Type: "boolean" } || (value is DataList && properties is not null):
                    continue;
                case "items" when value is DataMap items && IsSchema(items) && items["properties"] is DataMap:
                    AddProperties(node, (DataMap)items["properties"]!, items["required"] as DataList, context, context.Prefix.TrimEnd('.') + "[].");
                    continue;
                case "properties" when value is DataMap:
                    continue;
                default:
                    node.Children.Add(FieldNode(key, value, context));
                    break;
            }
        }

        if (properties is not null)
        {
            AddProperties(node, properties, requiredList, context, context.Prefix);
        }
    }

    private static void AddProperties(DocNode node, DataMap properties, DataList? requiredList, Context context, string prefix)
    {
        var required = requiredList?.Items.OfType<DataScalar>().Select(s => s.Text).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (key, value) in properties.Entries)
        {
            var name = prefix + key;
            var property = new DocNode
            {
                Kind = NodeKind.Field,
                Key = "property:" + key,
                Name = name,
                Noun = "Field",
                Location = context.Label.Length > 0 ? $" in {context.Label}" : "",
                AlwaysLocate = true,
                Required = required.Contains(key),
                Line = value.Line,
            };
            if (value is DataMap map)
            {
                property.Type = SchemaType(map);
                AddSchemaChildren(property, map, context with { Prefix = name + ".", ParentKey = key, Record = true });

                // `required: true` inside a property (Swagger 2 style) wins over the parent's list.
                property.Required = map["required"] is DataScalar { Type: "boolean" } flag
                    ? flag.Text.Equals("true", StringComparison.OrdinalIgnoreCase)
                    : required.Contains(key);
            }
            else if (value is DataScalar scalar)
            {
                property.Text = scalar.Text;
            }

            node.Children.Add(property);
        }
    }

    private static void AddItems(DocNode parent, DataList list, Context context, string listName)
    {
        var listKey = context.ParentKey ?? "";
        var where = context.Label.Length > 0 ? $" in {context.Label}" : "";
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            if (item is DataScalar scalar)
            {
                parent.Children.Add(new DocNode
                {
                    Kind = NodeKind.Value,
                    Key = scalar.Text,
                    Name = scalar.Text,
                    Noun = "Value",
                    Location = $" in '{(listName.Length == 0 ? "(root)" : listName)}'" + (where.Length > 0 ? $" ({context.Label})" : ""),
                    AlwaysLocate = true,
                    Line = scalar.Line,
                });
                continue;
            }

            var map = item as DataMap;
            var identity = map is null ? null : Identity(map);
            var noun = listKey switch
            {
                "parameters" => "Parameter",
                "servers" => "Server",
                "tags" => "Tag",
                _ => "Item",
            };
            var name = identity?.Display ?? $"{listName}[{i}]";
            var element = new DocNode
            {
                Kind = NodeKind.Element,
                Key = identity?.Key ?? $"#{i}",
                Name = name,
                Noun = noun,
                Location = identity is null ? "" : where.Length > 0 ? where : listName.Length > 0 ? $" in '{listName}'" : "",
                AlwaysLocate = true,
                Line = item.Line,
            };
            var inner = context with { Prefix = name + ".", ParentKey = null, PathKey = null, Record = true };
            if (map is not null)
            {
                if (map["schema"] is DataMap schema && IsSchema(schema))
                {
                    element.Type = SchemaType(schema);
                }

                if (map["required"] is DataScalar { Type: "boolean" } flag)
                {
                    element.Required = flag.Text.Equals("true", StringComparison.OrdinalIgnoreCase);
                }

                foreach (var (key, value) in map.Entries)
                {
                    // The identity is the element's key; its type and required-ness are attributes.
                    if ((identity is not null && key == identity.Value.Field)
                        || (key == "required" && element.Required is not null)
                        || (key == "schema" && element.Type is not null && value is DataMap s && s.Entries.TrueForAll(e => e.Key is "type" or "format" or "$ref" or "items")))
                    {
                        continue;
                    }

                    element.Children.Add(FieldNode(key, value, inner));
                }
            }
            else
            {
                AddChildren(element, item, inner, name);
            }

            parent.Children.Add(element);
        }
    }

    /// <summary>What names a mapping in a list: its name (with `in` for parameters), id, key, …</summary>
    private static (string Key, string Display, string Field)? Identity(DataMap map)
    {
        foreach (var key in IdentityKeys)
        {
            if (map[key] is DataScalar { Text.Length: > 0 } value)
            {
                var place = key == "name" && map["in"] is DataScalar location ? location.Text + ":" : "";
                return ($"{key}:{place}{value.Text}", value.Text, key);
            }
        }

        return null;
    }

    private static bool IsSchema(DataMap map) =>
        (map["type"] is DataScalar type && SchemaTypes.Contains(type.Text))
        || map["$ref"] is DataScalar
        || map["properties"] is DataMap;

    /// <summary>"string", "string (uri)", "array&lt;Address&gt;", "Address" (a $ref), "object".</summary>
    private static string SchemaType(DataMap map)
    {
        if (map["$ref"] is DataScalar reference)
        {
            var slash = reference.Text.LastIndexOf('/');
            return slash >= 0 ? reference.Text[(slash + 1)..] : reference.Text;
        }

        var type = map["type"] is DataScalar t ? t.Text : map["properties"] is not null ? "object" : "any";
        if (type == "array" && map["items"] is DataMap items)
        {
            return $"array<{SchemaType(items)}>";
        }

        return map["format"] is DataScalar format ? $"{type} ({format.Text})" : type;
    }
}
