namespace Dialtone.Core.UseCases.Loop;

/// <summary>
/// A test whose very first run passed (typically imported or already there) has not shown that it
/// checks the new work: it passed before any change was made. Signing it is allowed, but `next` and
/// the SIGN both say so, and the reviewer sees the runs.
/// </summary>
public static class FirstPass
{
    public static string Warning(string subtask) =>
        $"The test of '{subtask}' passed on its very first run, before any change was made: it does not yet show that it checks the new work. A test that fails without the change (RED), then passes with it, does.";
}
