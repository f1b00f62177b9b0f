using System.Text.Json;
using Dialtone.Core.Alerts;

namespace Dialtone.Core.Config;

/// <summary>
/// What changed in `.dialtone/config.json` that is policy: everything the human decides — grant
/// scopes, timeouts, summary age, gate settings, and which docs are watched. The one change that is
/// not policy is watching more docs (more alerts are always safe), so an agent may add a watch
/// pattern but not remove one, default patterns included. Pure: two file texts in, findings out.
/// </summary>
public static class PolicyDiff
{
    private const string WatchPath = "alerts.watch";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// The policy changes from <paramref name="before"/> to <paramref name="after"/> (null: no file),
    /// each a sentence naming the key; empty when the only changes are added watch patterns.
    /// </summary>
    public static IReadOnlyList<string> Changes(string? before, string? after)
    {
        var changes = new List<string>();
        if (after is not null && !Parses(after))
        {
            // Nobody can review an unreadable config as a setting: it counts as a policy change.
            changes.Add($"{DialtoneConfig.RelativePath} is not valid JSON");
            return changes;
        }

        using var old = before is not null && Parses(before) ? JsonDocument.Parse(before, Options) : null;
        using var current = after is null ? null : JsonDocument.Parse(after, Options);
        if (old is null && current is null)
        {
            return changes;
        }

        if (old is not null && current is null)
        {
            changes.Add($"{DialtoneConfig.RelativePath} was removed");
            Watch(Patterns(old.RootElement), WatchRules.Defaults, changes);
            return changes;
        }

        Compare("", old?.RootElement, current!.RootElement, changes);
        return changes;
    }

    private static bool Parses(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Compare(string path, JsonElement? before, JsonElement after, List<string> changes)
    {
        if (path == WatchPath)
        {
            Watch(before is { } b ? Strings(b) : WatchRules.Defaults, Strings(after), changes);
            return;
        }

        if (after.ValueKind == JsonValueKind.Object && (before is null || before.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var property in after.EnumerateObject())
            {
                var child = Join(path, property.Name);
                JsonElement? old = before is { } o && o.TryGetProperty(property.Name, out var value) ? value : null;
                if (old is null && child != WatchPath && !(child == "alerts" && OnlyWatch(property.Value)))
                {
                    changes.Add($"'{child}' was added");
                    continue;
                }

                Compare(child, old, property.Value, changes);
            }

            if (before is { } previous)
            {
                foreach (var property in previous.EnumerateObject())
                {
                    if (!after.TryGetProperty(property.Name, out _))
                    {
                        var child = Join(path, property.Name);
                        if (child == WatchPath)
                        {
                            Watch(Strings(property.Value), WatchRules.Defaults, changes);
                        }
                        else if (child == "alerts")
                        {
                            Watch(Patterns(previous), WatchRules.Defaults, changes);
                            if (property.Value.EnumerateObject().Any(p => p.Name != "watch"))
                            {
                                changes.Add("'alerts' settings were removed");
                            }
                        }
                        else
                        {
                            changes.Add($"'{child}' was removed");
                        }
                    }
                }
            }

            return;
        }

        if (before is null)
        {
            changes.Add($"'{path}' was added");
        }
        else if (!JsonElement.DeepEquals(before.Value, after))
        {
            changes.Add($"'{path}' changed from {Short(before.Value)} to {Short(after)}");
        }
    }

    private static bool OnlyWatch(JsonElement alerts) =>
        alerts.ValueKind == JsonValueKind.Object && alerts.EnumerateObject().All(p => p.Name == "watch");

    private static void Watch(IReadOnlyList<string> before, IReadOnlyList<string> after, List<string> changes)
    {
        foreach (var pattern in before.Where(p => !after.Contains(p, StringComparer.Ordinal)))
        {
            changes.Add($"'{WatchPath}' no longer watches '{pattern}'");
        }
    }

    private static IReadOnlyList<string> Patterns(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("alerts", out var alerts) && alerts.ValueKind == JsonValueKind.Object
        && alerts.TryGetProperty("watch", out var watch)
            ? Strings(watch)
            : WatchRules.Defaults;

    private static List<string> Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Short(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
