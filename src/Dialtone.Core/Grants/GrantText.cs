using System.Globalization;

namespace Dialtone.Core.Grants;

/// <summary>How grant times read in tagged lines.</summary>
public static class GrantText
{
    /// <summary>The local wall-clock time, with the date when it is not today (list rows).</summary>
    public static string LocalTime(DateTimeOffset at, DateTimeOffset now)
    {
        var local = at.ToLocalTime();
        return local.Date == now.ToLocalTime().Date
            ? local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>A moment nobody has to guess the day or the zone of: `2026-11-30 09:15:00 UTC`.</summary>
    public static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
