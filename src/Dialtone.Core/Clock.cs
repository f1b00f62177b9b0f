namespace Dialtone.Core;

/// <summary>
/// Now, truncated to whole milliseconds: the store keeps microseconds and the record keeps what
/// JSON round-trips, so truncating once makes both agree exactly.
/// </summary>
public static class Clock
{
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
