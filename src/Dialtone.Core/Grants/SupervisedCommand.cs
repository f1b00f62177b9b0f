namespace Dialtone.Core.Grants;

/// <summary>What the supervisor runs: an argument list (no shell) with the secrets in its environment, until it exits or the grant expires.</summary>
public sealed class SupervisedCommand
{
    /// <summary>The program (resolved to a path) and its arguments, verbatim.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>Added to the inherited environment: the secret's variable, DIALTONE_GRANT_*, the cookie.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>When it is stopped; <see cref="DateTimeOffset.MaxValue"/> for a run without grants.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Between SIGTERM and SIGKILL at expiry.</summary>
    public TimeSpan Grace { get; init; } = GrantScope.DefaultGrace;

    /// <summary>The warning comes this long before expiry (when the grant is longer than that).</summary>
    public TimeSpan WarnBefore { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Marks what the command starts, to stop it all at expiry and at the end; null: nothing to stop but the command itself.</summary>
    public required string? Cookie { get; init; }

    /// <summary>The secrets replaced (in every form) in the command's stdout and stderr.</summary>
    public required SecretMask Mask { get; init; }
}
