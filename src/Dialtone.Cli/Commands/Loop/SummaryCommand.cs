using System.CommandLine;
using Dialtone.Cli.Commands.Tickets;
using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.UseCases.Tickets;
using Dialtone.Core.Workflow;
using Dialtone.Core;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>
/// `ticket summary` shows the working summary; `ticket summary update ["&lt;text&gt;"]` records one
/// (the text, `--file &lt;path&gt;`, or stdin with "-" or when piped). Empty or placeholder text does not count.
/// </summary>
public static class SummaryCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("summary", "Show the working summary; `summary update` records a new one.");
        Handler.Set(command, globals, "ticket summary", context => Show(context.Workspace));

        var text = new Argument<string?>("text") { Description = "The summary, or - to read stdin.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Read the summary from a file.", HelpName = "path" };
        var update = new Command("update", "Record the working summary: what is done, what is next.") { text, file };
        Handler.Set(update, globals, "ticket summary update", context => Update(context.Workspace, context.Value(text), context.Value(file)));
        command.Subcommands.Add(update);
        return command;
    }

    public static Reply Show(Workspace workspace)
    {
        var config = DialtoneConfig.Load(workspace.Repository.TopLevel);
        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        var summary = store.Journal.LatestSummary(ticket.Name);
        var now = workspace.Now();
        var stale = SummaryRules.IsStale(summary?.At, ticket.CreatedAt, now, config.SummaryMaxAgeMinutes);
        var reply = new Reply();
        if (summary is { } s)
        {
            reply.Add(Tag.Ticket, $"Summary of '{ticket.Name}', written {(int)(now - s.At).TotalMinutes} minutes ago{(stale ? " (stale)" : "")}:");
            foreach (var line in s.Text.Split('\n'))
            {
                reply.Detail(TicketText.OneLine(line, 500));
            }
        }
        else
        {
            reply.Add(Tag.Ticket, $"Ticket '{ticket.Name}' has no summary yet{(stale ? " (one is due)" : "")}.");
        }

        reply.Set("summary", () => summary?.Text);
        reply.Set("writtenAt", () => summary?.At);
        reply.Set("stale", () => stale);
        if (stale)
        {
            reply.Add(Tag.Action, $"{NextStep.Cli} ticket summary update \"<what is done, what is next>\"");
        }

        return reply;
    }

    public static Reply Update(Workspace workspace, string? text, string? file)
    {
        var summary = Read(text, file);
        if (SummaryRules.IsPlaceholder(summary))
        {
            throw DialtoneError.Usage(
                "That summary is empty or a placeholder; it does not count. Say what is done and what is next, in a sentence or two.",
                $"{NextStep.Cli} ticket summary update \"Parsing works and is tested; next: write the record atomically.\"");
        }

        using var store = workspace.OpenStore();
        var ticket = CurrentTicket.Require(workspace, store);
        store.Journal.WriteSummary(ticket.Name, summary!.Trim(), workspace.Now());
        var reply = new Reply();
        reply.Add(Tag.Ticket, $"Summary of '{ticket.Name}' updated ({summary.Trim().Length} characters).");
        reply.Add(Tag.Action, $"{NextStep.Cli} ticket next");
        return reply;
    }

    private static string? Read(string? text, string? file)
    {
        if (file is not null)
        {
            try
            {
                return File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw DialtoneError.Usage($"Cannot read '{file}': {ex.Message}");
            }
        }

        if (text == "-" || (text is null && Console.IsInputRedirected))
        {
            return Console.In.ReadToEnd();
        }

        return text;
    }
}
