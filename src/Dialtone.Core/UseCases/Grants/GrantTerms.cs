using Dialtone.Core.Config;
using Dialtone.Core.Grants;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// What a `ticket grant` asks for, checked before anything is minted: a scope the config defines
/// and a duration within the scope's maximum. Every refusal is exit 2 with the command to run instead.
/// </summary>
public static class GrantTerms
{
    public const string Usage = $"{NextStep.Cli} ticket grant --scope <scope> --duration 10m -- <command>";

    /// <summary>Scopes are policy, which a person adds on the base branch: this shows the shape and where.</summary>
    private const string NoScopes = " A person adds one under \"grants\" in .dialtone/config.json on the base branch, shaped {\"<scope>\": {\"env\": \"<VAR>\", \"mint\": \"<command>\", \"revoke\": \"<command>\", \"maxDuration\": \"1h\"}} (docs/grants.md).";

    private const string NoScopesAction = "\"${EDITOR:-vi}\" .dialtone/config.json";

    public static GrantScope Scope(DialtoneConfig config, string? name, string? duration)
    {
        var known = config.Grants.Keys.Order(StringComparer.Ordinal).ToList();
        var example = known.Count > 0 ? known[0] : "<scope>";
        if (string.IsNullOrWhiteSpace(name))
        {
            throw DialtoneError.Usage(
                known.Count == 0 ? "--scope is required, and .dialtone/config.json defines no grant scopes." + NoScopes : $"--scope is required: one of {string.Join(", ", known)}.",
                known.Count == 0 ? NoScopesAction : $"{NextStep.Cli} ticket grant --scope {example} --duration {duration ?? "10m"} -- <command>");
        }

        if (config.Grants.TryGetValue(name, out var scope))
        {
            return scope;
        }

        throw DialtoneError.Usage(
            known.Count == 0
                ? $"Unknown grant scope '{Core.Tickets.Names.Printable(name)}': .dialtone/config.json defines no grant scopes." + NoScopes
                : $"Unknown grant scope '{Core.Tickets.Names.Printable(name)}': configured scopes are {string.Join(", ", known)}.",
            known.Count == 0 ? NoScopesAction : $"{NextStep.Cli} ticket grant --scope {example} --duration {duration ?? "10m"} -- <command>");
    }

    /// <param name="command">The command as typed (empty for eval), repeated in the suggested commands.</param>
    public static TimeSpan Duration(GrantScope scope, string? text, IReadOnlyList<string> command)
    {
        var tail = command.Count > 0 ? $" -- {ShellWords.Join(command)}" : "";
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DialtoneError.Usage(
                $"--duration is required (at most {GrantDuration.Compact(scope.MaxDuration)} for scope '{scope.Name}'): grants are as short as the work.",
                $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(Min(TimeSpan.FromMinutes(10), scope.MaxDuration))}{tail}");
        }

        var duration = GrantDuration.Parse(text, "--duration", $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration 10m{tail}");
        if (duration > scope.MaxDuration)
        {
            throw DialtoneError.Usage(
                $"--duration {text.Trim()} is longer than scope '{scope.Name}' allows (maxDuration {GrantDuration.Compact(scope.MaxDuration)}).",
                $"{NextStep.Cli} ticket grant --scope {scope.Name} --duration {GrantDuration.Compact(scope.MaxDuration)}{tail}");
        }

        return duration;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
