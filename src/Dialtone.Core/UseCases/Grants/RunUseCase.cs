using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// `dialtone run -- &lt;cmd&gt; [args…]`: runs a command with the live grants of the current ticket's
/// session, the way its test runs get them — the variables set, its output masked, the command and
/// everything it started stopped when the first grant expires (exit 124, as timeout(1)). With no
/// live grant the command still runs, without one, and a warning says so: wrapping a command in
/// `dialtone run` never makes it fail by itself. The exit code is the command's.
/// </summary>
public static class RunUseCase
{
    public const int ExpiredExitCode = GrantRunUseCase.ExpiredExitCode;

    /// <param name="command">As typed: its program is found in <paramref name="directory"/> or on PATH first.</param>
    public static Reply Run(Workspace workspace, IGrantConsole console, IReadOnlyList<string> command, string directory)
    {
        var program = CommandLocator.Find(command[0], directory, Environment.GetEnvironmentVariable("PATH"), out var problem)
            ?? throw DialtoneError.Usage($"Cannot run the command: {problem}.", $"{NextStep.Cli} run -- <command>");

        var live = new LiveReply(console);
        string? ticket;

        // Opening the store ends the session grants whose time is up; say so before the command runs.
        using (var store = GrantNotices.Collect(workspace.OpenStore, out var swept))
        {
            ticket = workspace.CurrentTicket(store)?.Name;
            foreach (var (tag, text) in swept)
            {
                live.Say(tag, text);
            }
        }

        var session = TicketSession.Load(workspace.StorePaths, ticket, workspace.Now());
        var commandLine = session.Mask.Apply(ShellWords.Join(command));
        var shown = TicketText.OneLine(commandLine, 120);
        foreach (var expired in session.Expired)
        {
            live.Say(Tag.Warn, $"Grant #{expired.Lease} ({expired.Variable}) expired at {GrantText.At(expired.ExpiresAt)}: the command runs without it.");
        }

        if (session.Live.Count == 0)
        {
            live.Say(Tag.Warn, ticket is null
                ? $"No ticket is checked out, so no grants: running `{shown}` without any."
                : $"No live grant in the session of ticket '{ticket}': running `{shown}` without one ({NextStep.Cli} ticket grant --scope <scope> --duration <duration> makes one).");
        }
        else
        {
            live.Say(Tag.Env, $"{TicketSession.Describe(session.Live)} from the session of ticket '{ticket}' set for `{shown}`, until {GrantText.At(session.ExpiresAt!.Value)}.");
            live.Say(Tag.Ticket, "Its output is masked, and it is stopped if it is still running at expiry.");
        }

        var supervised = new SupervisedCommand
        {
            Arguments = [program, .. command.Skip(1)],
            WorkingDirectory = directory,
            Environment = session.Environment().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal),
            ExpiresAt = session.ExpiresAt ?? DateTimeOffset.MaxValue,
            Cookie = session.Cookie,
            Mask = session.Mask,
        };

        SupervisorOutcome outcome;
        using (var signals = new GrantSignals())
        {
            outcome = GrantSupervisor.Run(
                supervised,
                workspace.Time,
                signals,
                console.Stdout,
                console.Stderr,
                _ => { },
                () => live.Say(Tag.Warn, $"{TicketSession.Describe(Expiring(session))} expires in 1 minute, at {GrantText.At(session.ExpiresAt!.Value)}; the command is stopped then."));
        }

        if (outcome.LeftoversStopped > 0)
        {
            live.Say(Tag.Warn, $"Stopped {outcome.LeftoversStopped} process{(outcome.LeftoversStopped == 1 ? "" : "es")} the command left running with the granted variables: the grants reach no further than the command.");
        }

        var reply = live.Reply;
        if (outcome.Expired)
        {
            var first = Expiring(session).First();

            // Its lease ends now, not at some later command: the sweep inside this store open revokes it.
            using (workspace.OpenStore())
            {
            }

            live.Say(Tag.Fail, $"{TicketSession.Describe(Expiring(session))} expired at {GrantText.At(first.ExpiresAt)}: the command was stopped (SIGTERM, then SIGKILL after {GrantDuration.Text(GrantScope.DefaultGrace)}) after {GrantText.Seconds(outcome.Elapsed)}.");
            return reply.Fail(ExpiredExitCode, $"{NextStep.Cli} ticket grant --scope {first.Scope} --duration <duration>");
        }

        if (outcome.ExitCode != 0)
        {
            live.Say(Tag.Fail, $"`{shown}` exited {outcome.ExitCode} after {GrantText.Seconds(outcome.Elapsed)}.");
            return reply.Fail(outcome.ExitCode, $"{NextStep.Cli} run -- {ShellWords.OneLineOr(commandLine, "<command>")}");
        }

        return reply;
    }

    private static IEnumerable<SessionGrant> Expiring(TicketSession session) => session.Live.Where(g => g.ExpiresAt == session.ExpiresAt);
}
