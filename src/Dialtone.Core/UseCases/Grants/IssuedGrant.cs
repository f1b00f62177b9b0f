using Dialtone.Core.Grants;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>A minted grant: its lease (in the store) and the secret (only in memory).</summary>
public sealed record IssuedGrant(Lease Lease, string Secret, IReadOnlyList<byte[]> Forms, bool ShortenedByMint);
