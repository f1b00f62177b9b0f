namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// One tagged line of `dialtone verify`: what was checked (<see cref="Name"/>: "record",
/// "commit abc1234", "test greet", …), how it came out, the line's text, and for a failure the fix
/// in words and the one command that starts it.
/// </summary>
public sealed record VerifyCheck(string Name, CheckState State, string Text, string? Fix = null, string? Action = null)
{
    public bool Passed => State != CheckState.Fail;

    /// <summary>Output lines shown under the check (a failing test's tail), secrets already masked.</summary>
    public IReadOnlyList<string> Output { get; init; } = [];

    public static VerifyCheck Pass(string name, string text) => new(name, CheckState.Pass, text);

    public static VerifyCheck Warn(string name, string text) => new(name, CheckState.Warn, text);

    public static VerifyCheck Fail(string name, string text, string fix, string action) => new(name, CheckState.Fail, text, fix, action);
}
