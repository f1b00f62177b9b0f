namespace Dialtone.Core;

/// <summary>
/// Now, from the injected time provider, truncated to whole milliseconds: the store keeps
/// microseconds and the record keeps what JSON round-trips, so truncating once makes both agree.
/// The CLI passes <see cref="TimeProvider.System"/>; tests pass a fake and move it.
/// </summary>
public static class Clock
{
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
