using System.CommandLine;
using Dialtone.Core.Gates;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Alerts;
using Dialtone.Core.Workflow;
using Dialtone.Core;
using Dialtone.Git.Hooks;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>
/// `dialtone hook &lt;name&gt; [args…]`: what the shims run on a ticket branch (and what other hook
/// managers can call). pre-commit is the commit gate; prepare-commit-msg adds the trailers the gate
/// handed over; post-checkout (branch switches) and post-merge check the watched design docs and
/// print their alerts (never failing the git operation); commit-msg has nothing to do yet.
/// </summary>
public static class HookCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "The git hook: " + string.Join(", ", HookShim.Names) };
        var args = new Argument<string[]>("args") { Description = "The arguments git passed to the hook.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("hook", "Run a git hook's Dialtone part (called by the installed shims).") { name, args };
        Handler.Set(command, globals, "hook", context => Run(context.Directory, context.Value(name), context.Value(args) ?? []));
        return command;
    }

    public static Reply Run(string directory, string hook, string[] args)
    {
        if (!HookShim.IsKnown(hook))
        {
            throw DialtoneError.Usage($"Unknown hook '{Core.Tickets.Names.Printable(hook)}'. Dialtone handles {string.Join(", ", HookShim.Names)}.", $"{NextStep.Cli} hooks status");
        }

        if (HookEnvironment.Disabled)
        {
            HookEnvironment.SayDisabled($"{hook} checks");
            return new Reply();
        }

        var explain = HookEnvironment.Explainer(hook);
        return hook switch
        {
            "pre-commit" => PreCommit(directory, explain),
            "prepare-commit-msg" => PrepareCommitMessage(HookEnvironment.AmbientRepository(directory), directory, args, explain),
            "post-checkout" or "post-merge" => HookAlerts.Run(directory, hook, args, explain),
            _ => NothingYet(hook, explain),
        };
    }

    private static Reply PreCommit(string directory, Action<string> explain)
    {
        // Reading a record first-uses the regex engine, System.Text.Json and OpenSSL (~15 ms);
        // starting the first git process first-uses the process machinery (~15 ms). Done on two
        // cores at once, a commit waits for the longer of the two instead of their sum.
        var warm = Task.Run(WarmRecordReading);
        var repository = HookEnvironment.AmbientRepository(directory);
        warm.Wait();
        var reply = new Reply();

        // A handoff from an earlier, aborted commit must never label this one.
        TrailerHandoff.Clear(repository.GitDir);
        if (CommitGateCheck.Run(repository, reply, explain) is not var (branch, verdict) || !verdict.Passed)
        {
            return reply;
        }

        if (verdict.Kind == CommitVerdictKind.Merge)
        {
            return reply;
        }

        if (branch.FromHead)
        {
            explain($"{branch.RecordPath} is not in the work tree: nothing to stage");
        }
        else if (RecordStager.StageIfChanged(repository, branch.Ticket.Name))
        {
            reply.Add(Tag.Ticket, $"Staged {branch.RecordPath} with the commit.");
        }
        else
        {
            explain($"{branch.RecordPath} is staged as it is: nothing to add");
        }

        if (Environment.GetEnvironmentVariable(TrailerHandoff.GitPidVariable) is { Length: > 0 } gitPid)
        {
            TrailerHandoff.Write(repository.GitDir, gitPid, branch.Ticket.Name, verdict.TrailerSubtask);
            explain($"handed trailers to prepare-commit-msg: ticket '{branch.Ticket.Name}', subtask '{verdict.TrailerSubtask ?? "(none)"}'");
        }

        return reply;
    }

    private static void WarmRecordReading()
    {
        try
        {
            _ = Core.Tickets.Names.IsValid("warm-up");
            _ = Dialtone.Records.RecordCodec.Parse("{\"format\":1,\"ticket\":\"warm-up\",\"attestations\":[]}"u8.ToArray());
            _ = System.Security.Cryptography.SHA256.HashData(ReadOnlySpan<byte>.Empty);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            // Only a warm-up: the real record is read, and its errors reported, on the main path.
        }
    }

    private static Reply PrepareCommitMessage(GitRepository repository, string directory, string[] args, Action<string> explain)
    {
        if (args.Length == 0)
        {
            throw DialtoneError.Usage("prepare-commit-msg needs the message file git passes.", "dialtone hook prepare-commit-msg <message-file> [<source> [<commit>]]");
        }

        var handoff = TrailerHandoff.Take(repository.GitDir, Environment.GetEnvironmentVariable(TrailerHandoff.GitPidVariable));
        if (handoff is not var (ticket, subtask))
        {
            explain("no commit gate passed in this commit: no trailers");
            return new Reply();
        }

        var source = args.Length > 1 ? args[1] : "";
        if (source is "merge" or "commit" or "squash")
        {
            explain($"message source '{source}': no trailers");
            return new Reply();
        }

        var command = new List<string> { "interpret-trailers", "--in-place", "--if-exists", "doNothing", "--trailer", $"{TrailerHandoff.TicketTrailer}: {ticket}" };
        if (subtask is not null)
        {
            command.AddRange(["--trailer", $"{TrailerHandoff.SubtaskTrailer}: {subtask}"]);
        }

        // git passes the message file relative to where it runs the hook: the work tree root.
        command.Add(Path.GetFullPath(args[0], directory));
        var result = repository.Git.Run(command, null, null);
        return result.Success ? new Reply() : throw new GitCommandException(command, result);
    }

    private static Reply NothingYet(string hook, Action<string> explain)
    {
        explain($"nothing to check in {hook} yet");
        return new Reply();
    }
}
