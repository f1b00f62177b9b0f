namespace Dialtone.Core.Grants;

/// <summary>What the supervisor runs: an argument list (no shell) with the secret in its environment, until it exits or the grant expires.</summary>
public sealed class SupervisedCommand
{
    /// <summary>The program (resolved to a path) and its arguments, verbatim.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>Added to the inherited environment: the secret's variable, DIALTONE_GRANT_*, the cookie.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Between SIGTERM and SIGKILL at expiry.</summary>
    public TimeSpan Grace { get; init; } = GrantScope.DefaultGrace;

    /// <summary>The warning comes this long before expiry (when the grant is longer than that).</summary>
    public TimeSpan WarnBefore { get; init; } = TimeSpan.FromMinutes(1);

    public required string Cookie { get; init; }

    /// <summary>Every form of the secret, replaced in the command's stdout and stderr.</summary>
    public required IReadOnlyList<byte[]> SecretForms { get; init; }

    public required string Variable { get; init; }
}
