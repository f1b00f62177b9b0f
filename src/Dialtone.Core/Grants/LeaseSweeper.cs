using System.Globalization;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Grants;

/// <summary>
/// The lazy end of grants whose expiry nothing enforces: every command that opens the store ends
/// the leases whose time is up — session grants at expiry (their files go, and the command says
/// so), supervised ones only when their supervisor evidently died (two minutes late) — and starts
/// their revoke commands in the background. One
/// file read when nothing is due (see <see cref="NextExpiryFileName"/>); it never fails the command
/// that opened the store.
/// </summary>
public static class LeaseSweeper
{
    public static readonly TimeSpan SupervisedMargin = TimeSpan.FromMinutes(2);

    /// <summary>Why the last sweep in this process failed, for `dialtone doctor` and DIALTONE_DEBUG.</summary>
    public static Exception? LastFailure { get; private set; }

    /// <summary>Sweeps, then hands the store back (so Workspace.OpenStore stays one call).</summary>
    public static Store RevokeExpired(Store store, string workTree, DateTimeOffset now)
    {
        try
        {
            Sweep(store, workTree, now);
        }
        // By contract a failing revocation never breaks the user's command: the lease stays open and
        // the next command's sweep tries again (`ticket grant list` shows it as expired, not revoked).
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LastFailure = ex;
        }

        return store;
    }

    /// <summary>
    /// Next to the store: the earliest expiry of any open lease (ISO 8601), absent when there is
    /// none. It saves every command a DuckDB query (~0.6 ms) when no grant is due, which is almost always.
    /// </summary>
    public const string NextExpiryFileName = "grant-next-expiry";

    /// <summary>Rewrites the next-expiry file from the store; call with the store open after adding or changing a lease.</summary>
    public static void NoteLeases(Store store)
    {
        var path = Path.Combine(store.Paths.Directory, NextExpiryFileName);
        var next = store.Leases.Active().Select(l => (DateTimeOffset?)l.ExpiresAt).Min();
        if (next is { } at)
        {
            File.WriteAllText(path, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            File.Delete(path);
        }
    }

    /// <summary>The leases it ended, with what their revoke commands did.</summary>
    public static List<(Lease Lease, string Status)> Sweep(Store store, string workTree, DateTimeOffset now)
    {
        var ended = new List<(Lease, string)>();
        if (!MaybeDue(store, now))
        {
            return ended;
        }

        var leases = store.Leases;
        foreach (var lease in leases.Due(now, SupervisedMargin))
        {
            // The session loses the secret first, whoever ends the lease.
            SessionFiles.Remove(store.Paths, lease.Id);
            var claimed = store.InTransaction(() =>
            {
                if (!leases.Claim(lease.Id, "expired", now))
                {
                    return false;
                }

                store.Journal.Log(lease.Ticket, "grant", null, $"grant #{lease.Id.ToString(CultureInfo.InvariantCulture)} ({lease.Scope}) expired at {GrantEnvironment.Time(lease.ExpiresAt)}; revoked at the next dialtone command", now);
                return true;
            });
            if (!claimed)
            {
                continue;
            }

            if (lease.Mode != LeaseModes.Run)
            {
                GrantNotices.Add(Tag.Warn, $"Grant #{lease.Id.ToString(CultureInfo.InvariantCulture)} ({lease.EnvVar} of ticket '{lease.Ticket}') expired at {GrantText.At(lease.ExpiresAt)}: the ticket session no longer has it, so test runs and dialtone run go without it from now on.");
            }

            if (lease.Mode == LeaseModes.Run && lease.Cookie is not null)
            {
                // Its supervisor died: nothing else will stop what it left running with the secret.
                ProcessTree.Stop(null, lease.Cookie, TimeSpan.Zero);
            }

            var status = Revocation.StartDetached(lease, "expired", Path.Combine(store.Paths.Directory, Revocation.LogFileName), workTree);
            leases.RecordRevoke(lease.Id, status == "started" ? $"started in the background (log: {Revocation.LogFileName})" : status);
            ended.Add((lease, status));
        }

        // Files whose lease ended without them (a crash between the two) go too.
        SessionFiles.RemoveExpired(store.Paths, now);
        NoteLeases(store);
        return ended;
    }

    private static bool MaybeDue(Store store, DateTimeOffset now)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(store.Paths.Directory, NextExpiryFileName));
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        // Unreadable means "look": a wrong answer here may only cost a query, never a missed revocation.
        return !DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var next) || next <= now;
    }
}
