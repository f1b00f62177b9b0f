using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dialtone.Core.Grants;

/// <summary>
/// Reads the `grants` section of the config. Problems are FormatExceptions naming the key, which
/// the config loader turns into exit 2 like any other bad setting.
/// </summary>
public static partial class GrantScopes
{
    public static IReadOnlyDictionary<string, GrantScope> None { get; } = new Dictionary<string, GrantScope>();

    /// <summary>Variables a grant may not set: the child's own plumbing, loaders, and Dialtone's.</summary>
    private static readonly string[] Reserved = ["PATH", "HOME", "SHELL", "USER", "LOGNAME", "PWD", "TMPDIR", "IFS", "ENV", "BASH_ENV", "TERM"];

    public static IReadOnlyDictionary<string, GrantScope> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("grants", out var grants))
        {
            return None;
        }

        if (grants.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"'grants' must be an object of scopes, not {grants.GetRawText()}");
        }

        var scopes = new Dictionary<string, GrantScope>(StringComparer.Ordinal);
        foreach (var property in grants.EnumerateObject())
        {
            var scope = Scope(property.Name, property.Value);
            scopes[scope.Name] = scope;
        }

        return scopes;
    }

    public static bool IsValidName(string? name) => name is not null && ScopeName().IsMatch(name);

    /// <summary>Why a variable name cannot carry a secret, or null when it can.</summary>
    public static string? EnvProblem(string name)
    {
        if (!EnvName().IsMatch(name))
        {
            return "use letters, digits and underscores, not starting with a digit";
        }

        if (Reserved.Contains(name, StringComparer.Ordinal) || name.StartsWith("LD_", StringComparison.Ordinal)
            || name.StartsWith("DYLD_", StringComparison.Ordinal) || name.StartsWith("DIALTONE_", StringComparison.Ordinal)
            || name.StartsWith("GIT_", StringComparison.Ordinal))
        {
            return "it is reserved (the child's environment, the dynamic loader, git or Dialtone rely on it)";
        }

        return null;
    }

    private static GrantScope Scope(string name, JsonElement value)
    {
        var key = $"grants.{name}";
        if (!IsValidName(name))
        {
            throw new FormatException($"'{key}': scope names use lowercase letters, digits, '.', '_' and '-' (at most 64 characters)");
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"'{key}' must be an object with env, mint, revoke and maxDuration, not {value.GetRawText()}");
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Name is not ("env" or "mint" or "revoke" or "maxDuration" or "grace" or "description"))
            {
                // A typo ("revoek") would silently leave keys unrevoked: refuse it.
                throw new FormatException($"'{key}.{property.Name}' is not a grant setting (env, mint, revoke, maxDuration, grace, description)");
            }
        }

        if (!value.TryGetProperty("env", out var env) || env.ValueKind != JsonValueKind.String || env.GetString() is not { Length: > 0 } envName)
        {
            throw new FormatException($"'{key}.env' must name the environment variable that carries the secret, e.g. \"STRIPE_API_KEY\"");
        }

        if (EnvProblem(envName) is { } problem)
        {
            throw new FormatException($"'{key}.env' = \"{Tickets.Names.Printable(envName)}\": {problem}");
        }

        if (!value.TryGetProperty("mint", out var mint))
        {
            throw new FormatException($"'{key}.mint' is missing: the command that prints the secret on its first line");
        }

        var revoke = value.TryGetProperty("revoke", out var revokeValue) && revokeValue.ValueKind != JsonValueKind.Null
            ? ToolCommand.FromJson(revokeValue, key + ".revoke")
            : null;
        return new GrantScope(
            name,
            envName,
            ToolCommand.FromJson(mint, key + ".mint"),
            revoke,
            Duration(value, key, "maxDuration") ?? GrantScope.DefaultMaxDuration,
            Duration(value, key, "grace") ?? GrantScope.DefaultGrace);
    }

    private static TimeSpan? Duration(JsonElement scope, string key, string name)
    {
        if (!scope.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"'{key}.{name}' must be a duration such as \"90s\", \"10m\" or \"1h\", not {value.GetRawText()}");
        }

        return GrantDuration.TryParse(value.GetString(), out var problem)
            ?? throw new FormatException($"'{key}.{name}' must be a duration such as \"90s\", \"10m\" or \"1h\": {problem}");
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ScopeName();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnvName();
}
