using System.Globalization;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Git.Processes;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// The part of `ticket grant` every mode shares: check the private directory for the grant's file,
/// record the lease, run the mint command with the store closed, fingerprint the secret, log the
/// grant on the ticket, write the grant's file (the ticket session's copy of the secret, which other
/// dialtone commands also mask with). Whatever goes wrong after a secret was minted revokes it
/// before the error is reported.
/// </summary>
public static class GrantIssue
{
    public static IssuedGrant Issue(Workspace workspace, GrantScope scope, TimeSpan duration, string mode, IReadOnlyList<string>? command, GrantSignals signals)
    {
        var top = workspace.Repository.TopLevel;

        // A directory others could read is refused before anything is minted.
        var sessionDirectory = SessionFiles.Prepare(workspace.StorePaths);
        var lease = Open(workspace, scope, duration, mode);

        var minted = ToolRunner.Run(scope.Mint, top, GrantEnvironment.ForMint(lease), ToolRunner.DefaultTimeout);
        if (!minted.Succeeded)
        {
            End(workspace, lease, "mint-failed", "none (nothing was minted)", $"mint {minted.Outcome(ToolRunner.DefaultTimeout)}");
            throw DialtoneError.Environment(
                $"The mint command of scope '{scope.Name}' failed ({minted.Outcome(ToolRunner.DefaultTimeout)}); no credential was granted.{ErrorTail(minted.Stderr, null, scope.Env)} Run it by hand to see why (its output, which would be the secret, discarded).",
                $"(cd {ShellWords.Quote(top)} && {scope.Mint.Display} >/dev/null)");
        }

        var output = MintOutput.TryParse(minted.Stdout, out var problem);
        if (output is null)
        {
            // It exited 0, so something may have been minted: revoke it rather than leave it live.
            var (status, _) = Revocation.Run(lease, "mint-failed", top);
            End(workspace, lease, "mint-failed", status, $"mint output unusable: {problem}");
            throw DialtoneError.Environment(
                $"The mint command of scope '{scope.Name}' printed no usable credential: {problem}. Nothing was granted (revoke: {status}). It must print the secret on its first line and, optionally, its expiry on the second (docs/grants.md); the lengths of the lines it prints show what it does without showing them.",
                $"(cd {ShellWords.Quote(top)} && {scope.Mint.Display} | awk '{{ print NR \": \" length($0) \" characters\" }}')");
        }

        var forms = SecretForms.Of(output.Secret);
        var requested = lease.ExpiresAt;
        var expiresAt = output.ExpiresAt is { } mintExpiry && mintExpiry < requested ? mintExpiry : requested;
        var abort = expiresAt <= workspace.Now()
            ? expiresAt < requested
                ? $"the mint command's credential expires at {GrantEnvironment.Time(expiresAt)}, which is not in the future"
                : $"minting took longer than the grant's {GrantDuration.Text(duration)}"
            : signals.Received is { } signal ? $"{NativeSignals.Name(signal)} received while minting" : null;
        if (abort is not null)
        {
            var (status, _) = Revocation.Run(lease, "aborted", top);
            End(workspace, lease, "aborted", status, abort);
            throw new DialtoneError(
                signals.Received is { } received ? 128 + received : ExitCodes.Environment,
                $"Grant #{lease.Id} aborted: {abort}. The credential was revoked (revoke: {status}).",
                null);
        }

        try
        {
            Record(workspace, lease, output.Secret, forms, expiresAt, command);
            var file = SessionFiles.Write(workspace.StorePaths, sessionDirectory, new SessionGrant(lease.Id, lease.Ticket, scope.Name, scope.Env, mode, expiresAt, output.Secret));
            SessionFiles.RemoveAtExpiry(workspace.StorePaths, file, expiresAt - workspace.Now());
        }
        catch
        {
            // A live credential must not outlive a failure to record it (a damaged key file, a busy store).
            RevokeAfterFailure(workspace, lease);
            throw;
        }

        return new IssuedGrant(lease, output.Secret, forms, expiresAt < requested);
    }

    /// <summary>The ticket log line reviewers see: scope, variable, duration, who, and what it was for.</summary>
    public static string LogText(Lease lease) =>
        $"grant #{lease.Id.ToString(CultureInfo.InvariantCulture)}: scope '{lease.Scope}' ({lease.EnvVar}) for {GrantDuration.Text(lease.ExpiresAt - lease.IssuedAt)} by {lease.IssuedBy}, "
        + lease.Mode switch
        {
            LeaseModes.Session => "exported to the ticket session",
            LeaseModes.Export => "exported to the ticket session and printed as export lines",
            _ => $"to run `{lease.Command}`",
        }
        + $"; fingerprint {lease.Fingerprint?[..12]}";

    /// <summary>Best effort: revoke, then close the lease if the store lets us. The original error is what the user sees.</summary>
    public static void RevokeAfterFailure(Workspace workspace, Lease lease)
    {
        SessionFiles.Remove(workspace.StorePaths, lease.Id);
        var (status, _) = Revocation.Run(lease, "aborted", workspace.Repository.TopLevel);
        try
        {
            End(workspace, lease, "aborted", status, "recording the grant failed");
        }
        // The lease row stays open; the lazy sweep closes it after expiry.
        catch (Exception)
        {
        }
    }

    /// <summary>Closes a lease that never got going, with the reason logged on its ticket.</summary>
    public static void End(Workspace workspace, Lease lease, string reason, string revokeStatus, string why)
    {
        SessionFiles.Remove(workspace.StorePaths, lease.Id);
        using var store = workspace.OpenStore();
        store.InTransaction(() =>
        {
            var leases = store.Leases;
            var now = workspace.Now();
            if (leases.Claim(lease.Id, reason, now))
            {
                leases.RecordRevoke(lease.Id, revokeStatus);
                store.Journal.Log(lease.Ticket, "grant", null, $"grant #{lease.Id.ToString(CultureInfo.InvariantCulture)} ({lease.Scope}) not granted: {why}", now);
            }
        });
    }

    /// <summary>The last lines a failing mint or revoke wrote to stderr, one line each, masked when the secret is known.</summary>
    public static string ErrorTail(string stderr, IReadOnlyList<byte[]>? forms, string variable)
    {
        var text = forms is null ? stderr : MaskingFilter.MaskText(stderr, forms, variable);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3).ToList();
        return lines.Count == 0 ? "" : " It said: " + string.Join(" / ", lines.Select(l => TicketText.OneLine(l, 160)));
    }

    /// <summary>The lease row, before anything is minted: a crash from here on leaves an audited lease the sweep ends.</summary>
    private static Lease Open(Workspace workspace, GrantScope scope, TimeSpan duration, string mode)
    {
        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var now = workspace.Now();
        var lease = new Lease
        {
            Ticket = ticket.Name,
            Scope = scope.Name,
            EnvVar = scope.Env,
            Mode = mode,
            IssuedBy = Identity.Of(workspace.Repository),
            IssuedAt = now,
            ExpiresAt = now + duration,
            Cookie = mode == LeaseModes.Run ? Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) : null,
            WorkTree = workspace.Repository.TopLevel,
            RevokeCommand = scope.Revoke?.ToJson(),
        };
        var id = store.Leases.Insert(lease);
        LeaseSweeper.NoteLeases(store);
        return Copy(lease, id);
    }

    /// <summary>Fingerprint, expiry and (masked) command into the store, and the grant onto the ticket's log.</summary>
    private static void Record(Workspace workspace, Lease lease, string secret, IReadOnlyList<byte[]> forms, DateTimeOffset expiresAt, IReadOnlyList<string>? command)
    {
        var fingerprint = SecretFingerprint.Compute(workspace.StorePaths.Directory, secret);
        var commandText = command is null ? null : MaskingFilter.MaskText(ShellWords.Join(command), forms, lease.EnvVar);
        lease.ExpiresAt = expiresAt;
        lease.Fingerprint = fingerprint;
        lease.Command = commandText;
        using var store = workspace.OpenStore();
        store.InTransaction(() =>
        {
            store.Leases.Minted(lease.Id, fingerprint, expiresAt, commandText);
            store.Journal.Log(lease.Ticket, "grant", null, LogText(lease), workspace.Now());
        });
        LeaseSweeper.NoteLeases(store);
    }

    private static Lease Copy(Lease lease, long id) => new()
    {
        Id = id,
        Ticket = lease.Ticket,
        Scope = lease.Scope,
        EnvVar = lease.EnvVar,
        Mode = lease.Mode,
        IssuedBy = lease.IssuedBy,
        IssuedAt = lease.IssuedAt,
        ExpiresAt = lease.ExpiresAt,
        Cookie = lease.Cookie,
        WorkTree = lease.WorkTree,
        RevokeCommand = lease.RevokeCommand,
    };
}
