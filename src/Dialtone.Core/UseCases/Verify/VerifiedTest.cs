namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// One subtask's signed test re-run by `dialtone verify`: at HEAD (must pass and touch nothing),
/// and with `--prove-red` at the merge-base (must not pass there). <see cref="Ran"/> is false when
/// there was nothing to run (never signed, or signed with another command).
/// </summary>
public sealed record VerifiedTest(string Subtask, string? Command)
{
    public bool Ran { get; init; }

    public int ExitCode { get; init; }

    public bool TimedOut { get; init; }

    public long DurationMs { get; init; }

    public bool Passed { get; init; }

    /// <summary>Tracked paths it modified, deleted or created.</summary>
    public IReadOnlyList<string> Touched { get; init; } = [];

    /// <summary>Untracked, unignored files it left behind.</summary>
    public IReadOnlyList<string> LeftUntracked { get; init; } = [];

    /// <summary>The last lines of its output, secrets masked.</summary>
    public IReadOnlyList<string> OutputTail { get; init; } = [];

    public string OutputDigest { get; init; } = "";

    /// <summary>The run at the merge-base (`--prove-red`), or null.</summary>
    public VerifiedTest? AtBase { get; init; }
}
