using System.Globalization;
using System.Text.Json;

namespace Dialtone.Core.Config;

/// <summary>
/// `.dialtone/config.json` (committed; comments and trailing commas allowed). Every setting has a
/// default, so the file is optional. docs/config.md lists the keys.
/// </summary>
public sealed class DialtoneConfig
{
    public const string RelativePath = ".dialtone/config.json";

    /// <summary>A summary older than this blocks `ticket next`; 0 turns the check off.</summary>
    public double SummaryMaxAgeMinutes { get; init; } = 10;

    public double TestTimeoutSeconds { get; init; } = 600;

    /// <summary>Output lines shown after a run (all of it is in the store).</summary>
    public int TestTailLines { get; init; } = 20;

    /// <summary>How long a command waits for another one's hold on the store before it gives up (exit 3).</summary>
    public double StoreLockTimeoutSeconds { get; init; } = 30;

    /// <summary>A subtask in progress longer than this earns a [WARN] suggesting a split.</summary>
    public double SubtaskMaxMinutes { get; init; } = 20;

    /// <summary>`alerts.watch`: globs of the design docs whose changes raise alerts; null means the defaults (Alerts/WatchRules).</summary>
    public IReadOnlyList<string>? WatchedDocs { get; init; }

    /// <summary>Credential scopes for `ticket grant`, by name (docs/grants.md).</summary>
    public IReadOnlyDictionary<string, Dialtone.Core.Grants.GrantScope> Grants { get; init; } = Dialtone.Core.Grants.GrantScopes.None;

    public static DialtoneConfig Load(string workTree)
    {
        var path = Path.Combine(workTree, ".dialtone", "config.json");
        if (!File.Exists(path))
        {
            return new DialtoneConfig();
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw DialtoneError.Environment($"Cannot read {RelativePath}: {ex.Message}");
        }

        return Parse(bytes);
    }

    /// <summary>The config as committed at HEAD (defaults when HEAD has none): policy that counts is policy a human committed.</summary>
    public static DialtoneConfig Committed(Dialtone.Git.GitRepository repository) =>
        repository.BlobBytes($"HEAD:{RelativePath}") is { } bytes ? Parse(bytes) : new DialtoneConfig();

    public static DialtoneConfig Parse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            var defaults = new DialtoneConfig();
            return new DialtoneConfig
            {
                SummaryMaxAgeMinutes = Number(root, "summary", "maxAgeMinutes") ?? defaults.SummaryMaxAgeMinutes,
                TestTimeoutSeconds = Number(root, "test", "timeoutSeconds") ?? defaults.TestTimeoutSeconds,
                TestTailLines = (int)(Number(root, "test", "tailLines") ?? defaults.TestTailLines),
                SubtaskMaxMinutes = Number(root, "subtask", "maxMinutes") ?? defaults.SubtaskMaxMinutes,
                StoreLockTimeoutSeconds = Number(root, "store", "lockTimeoutSeconds") ?? defaults.StoreLockTimeoutSeconds,
                WatchedDocs = Strings(root, "alerts", "watch"),
                Grants = Dialtone.Core.Grants.GrantScopes.Parse(root),
            };
        }
        catch (JsonException ex)
        {
            throw DialtoneError.Usage($"{RelativePath} is not valid JSON (line {(ex.LineNumber ?? 0) + 1}).", $"git diff -- {RelativePath}");
        }
        catch (FormatException ex)
        {
            throw DialtoneError.Usage($"{RelativePath}: {ex.Message}", $"git diff -- {RelativePath}");
        }
    }

    private static double? Number(JsonElement root, string section, string key)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(section, out var group) || group.ValueKind != JsonValueKind.Object
            || !group.TryGetProperty(key, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.GetDouble() >= 0
            ? value.GetDouble()
            : throw new FormatException($"'{section}.{key}' must be a number of 0 or more, not {value.GetRawText()}");
    }

    private static List<string>? Strings(JsonElement root, string section, string key)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(section, out var group) || group.ValueKind != JsonValueKind.Object
            || !group.TryGetProperty(key, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0)
            ? value.EnumerateArray().Select(v => v.GetString()!).ToList()
            : throw new FormatException($"'{section}.{key}' must be an array of non-empty strings (globs), not {value.GetRawText()}");
    }

    public static string Minutes(double minutes) => minutes.ToString("0.##", CultureInfo.InvariantCulture);
}
