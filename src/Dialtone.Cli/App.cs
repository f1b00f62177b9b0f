using System.CommandLine;
using System.CommandLine.Parsing;
using Dialtone.Cli.Commands;
using Dialtone.Cli.Commands.Loop;
using Dialtone.Cli.Commands.Subtasks;
using Dialtone.Cli.Commands.Tickets;
using Dialtone.Cli.Rendering;
using Dialtone.Core;
using Dialtone.Core.Output;

namespace Dialtone.Cli;

/// <summary>The command tree. Each command's code is in Commands/&lt;Group&gt;/&lt;Name&gt;Command.cs.</summary>
public static class App
{
    public static int Run(string[] args)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Dialtone: a git-integrated ticket workflow for coding agents.");
        globals.AddTo(root);

        // Hooks run on every commit: building the rest of the tree would cost them ~10 ms for nothing.
        if (args is ["hook", ..])
        {
            root.Subcommands.Add(Commands.Hooks.HookCommand.Build(globals));
        }
        else
        {
            AddCommands(root, globals);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var reply = new Reply();
            foreach (var error in parsed.Errors)
            {
                reply.Add(Tag.Fail, error.Message);
            }

            var command = CommandPath(parsed);
            reply.Fail(ExitCodes.Usage, $"{Core.Workflow.NextStep.Cli} {command} --help".Replace("  ", " ", StringComparison.Ordinal));
            return ReplyWriter.Write(reply, args.Contains("--json"), command, new CommandContext(parsed, globals).MaskOutput);
        }

        return parsed.Invoke();
    }

    private static void AddCommands(RootCommand root, GlobalOptions globals)
    {
        var ticket = new Command("ticket", "Work on tickets and their subtasks.");
        ticket.Subcommands.Add(StartCommand.Build(globals));
        ticket.Subcommands.Add(AddCommand.Build(globals));
        ticket.Subcommands.Add(ListCommand.Build(globals));
        ticket.Subcommands.Add(ShowCommand.Build(globals));
        ticket.Subcommands.Add(StatusCommand.Build(globals));
        ticket.Subcommands.Add(NextCommand.Build(globals));
        ticket.Subcommands.Add(LogCommand.Build(globals));
        ticket.Subcommands.Add(AskCommand.Build(globals));
        ticket.Subcommands.Add(AnswerCommand.Build(globals));
        ticket.Subcommands.Add(AckCommand.Build(globals));
        ticket.Subcommands.Add(SummaryCommand.Build(globals));
        ticket.Subcommands.Add(TestCommand.Build(globals));
        ticket.Subcommands.Add(ValidateCommand.Build(globals));
        ticket.Subcommands.Add(DoneCommand.Build(globals));
        ticket.Subcommands.Add(Commands.Alerts.WatchCommand.Build(globals));
        ticket.Subcommands.Add(Commands.Alerts.AlertCommand.Build(globals));
        ticket.Subcommands.Add(Commands.Grants.GrantCommand.Build(globals));
        ticket.Subcommands.Add(Commands.Memory.ImportCommand.Build(globals));
        ticket.Subcommands.Add(Commands.Memory.SearchCommand.Build(globals));

        var subtask = new Command("subtask", "Add, list, edit and remove the current ticket's subtasks.");
        subtask.Subcommands.Add(SubtaskAddCommand.Build(globals));
        subtask.Subcommands.Add(SubtaskListCommand.Build(globals));
        subtask.Subcommands.Add(SubtaskEditCommand.Build(globals));
        subtask.Subcommands.Add(SubtaskRmCommand.Build(globals));
        ticket.Subcommands.Add(subtask);

        root.Subcommands.Add(ticket);
        root.Subcommands.Add(Commands.Doctor.DoctorCommand.Build(globals));
        root.Subcommands.Add(Commands.Hooks.InitCommand.Build(globals));
        root.Subcommands.Add(Commands.Hooks.HooksCommand.Build(globals));
        root.Subcommands.Add(Commands.Hooks.HookCommand.Build(globals));
        root.Subcommands.Add(Commands.Hooks.GateCommand.Build(globals));
        root.Subcommands.Add(InboxCommand.Build(globals));
        root.Subcommands.Add(Commands.Alerts.DocsCommand.Build(globals));
        root.Subcommands.Add(Commands.Memory.StatsCommand.Build(globals));
        root.Subcommands.Add(Commands.Verify.VerifyCommand.Build(globals));
        root.Subcommands.Add(Commands.Grants.RunCommand.Build(globals));
    }

    /// <summary>"ticket subtask add" for the deepest command the parser recognised (root excluded).</summary>
    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
