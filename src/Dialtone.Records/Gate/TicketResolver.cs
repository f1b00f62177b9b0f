namespace Dialtone.Records.Gate;

/// <summary>
/// Which ticket a build belongs to: the DialtoneTicket property, then DIALTONE_TICKET, then the
/// checked-out branch, then (detached HEAD in CI) the branch variables CI systems set.
/// </summary>
public static class TicketResolver
{
    private static readonly string[] CiBranchVariables =
    [
        "GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME", "BUILD_SOURCEBRANCHNAME", "BRANCH_NAME",
        "BUILDKITE_BRANCH", "CIRCLE_BRANCH", "TRAVIS_BRANCH", "BITBUCKET_BRANCH", "GIT_BRANCH",
    ];

    /// <summary>The ticket name and whether it was named explicitly (then a missing record is an error).</summary>
    public static (string? Ticket, bool Explicit) Resolve(string? property, RepositoryProbe probe)
    {
        if (!string.IsNullOrWhiteSpace(property))
        {
            return (property.Trim(), true);
        }

        if (Environment.GetEnvironmentVariable("DIALTONE_TICKET") is { Length: > 0 } fromEnvironment)
        {
            return (fromEnvironment.Trim(), true);
        }

        if (probe.Branch is { } branch)
        {
            return (branch, false);
        }

        foreach (var name in CiBranchVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                var trimmed = value.Trim();
                return (trimmed.StartsWith("refs/heads/", StringComparison.Ordinal) ? trimmed["refs/heads/".Length..] : trimmed, false);
            }
        }

        return (null, false);
    }

    /// <summary>Ticket names are lowercase letters, digits and dashes; anything else is no ticket (and no path).</summary>
    public static bool IsTicketName(string name) =>
        name.Length is > 0 and <= 64
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && name[0] != '-' && name[^1] != '-';
}
