namespace Dialtone.Core.Grants;

/// <summary>
/// Calls back once when a clock reaches a moment, on a timer made by that clock (so a fake clock
/// rings it by moving). A timer that fires before the moment, or a wait longer than a timer can
/// take, is re-armed for the rest. Disposing it before it rings cancels it.
/// </summary>
public sealed class Alarm : IDisposable
{
    /// <summary>Timers take at most ~49 days; a grant is re-armed daily long before that matters.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly TimeProvider time;
    private readonly DateTimeOffset at;
    private readonly Action ring;
    private readonly Lock gate = new();
    private readonly ITimer timer;
    private bool done;

    public Alarm(TimeProvider time, DateTimeOffset at, Action ring)
    {
        this.time = time;
        this.at = at;
        this.ring = ring;
        timer = time.CreateTimer(_ => Check(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Check();
    }

    public void Dispose()
    {
        lock (gate)
        {
            done = true;
        }

        timer.Dispose();
    }

    private void Check()
    {
        lock (gate)
        {
            if (done)
            {
                return;
            }

            var wait = at - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                timer.Change(wait < LongestWait ? wait : LongestWait, Timeout.InfiniteTimeSpan);
                return;
            }

            done = true;
        }

        ring();
    }
}
