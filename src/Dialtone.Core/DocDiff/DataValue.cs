namespace Dialtone.Core.DocDiff;

/// <summary>YAML and JSON reduced to what the diff needs: mappings (in order), sequences and typed scalars.</summary>
public abstract class DataValue
{
    public int Line { get; init; }
}

public sealed class DataMap : DataValue
{
    public List<KeyValuePair<string, DataValue>> Entries { get; } = [];

    public DataValue? this[string key] => Entries.Find(e => e.Key == key).Value;
}

public sealed class DataList : DataValue
{
    public List<DataValue> Items { get; } = [];
}

/// <summary>A scalar with its text and its type: string, integer, number, boolean or null.</summary>
public sealed class DataScalar(string text, string type) : DataValue
{
    public string Text { get; } = text;

    public string Type { get; } = type;
}
