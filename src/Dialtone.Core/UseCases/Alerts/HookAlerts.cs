using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Alerts;

/// <summary>
/// The design-doc check of the post-checkout and post-merge hooks. These run after every branch
/// switch and merge, and a hook's exit code becomes git's, so this never fails: whatever goes wrong
/// is one notice line (stderr, for the CLI) and exit 0. The store lock is waited for briefly only — a dialtone command
/// that switches branches may hold it — and a busy store leaves the check to the next ticket command.
/// </summary>
public static class HookAlerts
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(2);

    public static Reply Run(string directory, string hook, string[] args, Action<string> explain, Action<string> notice)
    {
        // post-checkout's third argument is 1 for a branch checkout, 0 for `git checkout -- <file>`.
        if (hook == "post-checkout" && (args.Length < 3 || args[2] != "1"))
        {
            explain("file checkout: no design-doc check");
            return new Reply();
        }

        try
        {
            var workspace = Workspace.Discover(directory);
            var wait = Store.LockTimeoutFromEnvironment();
            using var store = Store.Open(workspace.StorePaths, wait < LockWait ? wait : LockWait);
            var ticket = workspace.CurrentTicket(store);
            if (ticket is null || ticket.Status == TicketStatus.Done)
            {
                explain("no open ticket on this branch: no design-doc check");
                return new Reply();
            }

            var reply = new Reply();
            if (!PendingAlerts.Add(reply, workspace, store, ticket))
            {
                explain($"ticket '{ticket.Name}': no design-doc changes");
            }

            return reply;
        }
        // A hook that fails would fail the checkout or merge it follows.
        catch (Exception ex)
        {
            notice($"dialtone {hook}: design docs not checked ({TicketText.OneLine(ex.Message, 200)}); the next ticket command will check them.");
            return new Reply();
        }
    }
}
