namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// The ticket `dialtone verify` checks and its record at HEAD (null when HEAD has none); or, with
/// <see cref="Ticket"/> null, why there is no ticket to check here.
/// </summary>
public sealed record VerifyTarget(string? Ticket, byte[]? Record, string? NothingToVerify = null)
{
    public static string RecordPath(string ticket) => $".dialtone/tickets/{ticket}.json";
}
