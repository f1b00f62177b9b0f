namespace Dialtone.Core.Storage;

/// <summary>The store keeps UTC TIMESTAMPs; this gives them back as UTC DateTimeOffsets.</summary>
internal static class StoreTime
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
