namespace Dialtone.Core.UseCases.Verify;

/// <summary>What `dialtone verify` was asked: the ticket and base (null: found), `--prove-red`, and where to append the Markdown summary.</summary>
public sealed record VerifyRequest(string? Ticket = null, string? Base = null, bool ProveRed = false, string? SummaryFile = null);
