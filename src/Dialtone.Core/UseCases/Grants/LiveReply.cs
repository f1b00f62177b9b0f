using Dialtone.Core.Output;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// The reply of `ticket grant`, shown line by line as it is built. The expiry warning and a failed
/// pid write arrive on other threads, so adding a line takes the reply's lock.
/// </summary>
internal sealed class LiveReply(IGrantConsole console)
{
    public Reply Reply { get; } = new();

    public IGrantConsole Console => console;

    public void Say(Tag tag, string text)
    {
        lock (Reply)
        {
            Reply.Add(tag, text);
        }

        console.Show(Reply);
    }
}
