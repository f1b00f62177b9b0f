using Dialtone.Core.Output;

namespace Dialtone.Core.Grants;

/// <summary>
/// What the ticket session did to a command, said by whatever front end ran it: a test ran with a
/// granted variable, or without one because its grant expired. The code that knows (the lazy sweep
/// inside every store open, the test runner) is deep below the use case's reply, so it leaves a
/// notice here and the front end adds it to the answer. Nothing is kept when no front end listens.
/// </summary>
public static class GrantNotices
{
    private static readonly AsyncLocal<List<(Tag Tag, string Text)>?> Listening = new();

    /// <summary>Runs <paramref name="body"/> and hands back the notices left while it ran, each once, in order.</summary>
    public static T Collect<T>(Func<T> body, out IReadOnlyList<(Tag Tag, string Text)> notices)
    {
        var outer = Listening.Value;
        var collected = new List<(Tag Tag, string Text)>();
        Listening.Value = collected;
        try
        {
            return body();
        }
        finally
        {
            Listening.Value = outer;
            lock (collected)
            {
                notices = collected.ToList();
            }
        }
    }

    public static void Add(Tag tag, string text)
    {
        if (Listening.Value is not { } list)
        {
            return;
        }

        lock (list)
        {
            if (!list.Contains((tag, text)))
            {
                list.Add((tag, text));
            }
        }
    }
}
