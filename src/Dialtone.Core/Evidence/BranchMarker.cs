namespace Dialtone.Core.EvidenceFiles;

/// <summary>
/// The local memory that a branch is a ticket branch: a plain file `branches/&lt;branch&gt;` in the
/// store directory, written by `ticket start` and whenever a command resolves the checked-out
/// branch's ticket. The hook shims test it with `test -f` and the gates with one stat, so moving the
/// record aside does not turn the branch into an ungated one; neither opens the store.
/// </summary>
public static class BranchMarker
{
    public const string DirectoryName = "branches";

    public static string PathOf(string storeDirectory, string branch) => Path.Combine(storeDirectory, DirectoryName, branch);

    public static bool Exists(string storeDirectory, string branch) => File.Exists(PathOf(storeDirectory, branch));

    /// <summary>Writes the marker of <paramref name="branch"/> unless it is there; the content names the ticket, for people.</summary>
    public static void Ensure(string storeDirectory, string branch, string ticket)
    {
        var path = PathOf(storeDirectory, branch);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ticket + "\n");
    }

    /// <summary><see cref="Ensure"/> for commands that only pass by: a store directory that refuses the write costs the marker, not the command.</summary>
    public static void TryEnsure(string storeDirectory, string branch, string ticket)
    {
        try
        {
            Ensure(storeDirectory, branch, ticket);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The committed record and the branch's trailers still tell the gates it is a ticket branch.
        }
    }
}
