using System.CommandLine;
using Dialtone.Core;
using Dialtone.Core.UseCases.Loop;

namespace Dialtone.Cli.Commands.Loop;

/// <summary>
/// `ticket summary` shows the working summary; `ticket summary update ["&lt;text&gt;"]` records one
/// (the text, `--file &lt;path&gt;`, or stdin with "-" or when piped).
/// </summary>
public static class SummaryCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("summary", "Show the working summary; `summary update` records a new one.");
        Handler.Set(command, globals, "ticket summary", context => SummaryUseCase.Run(context.Workspace));

        var text = new Argument<string?>("text") { Description = "The summary, or - to read stdin.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Read the summary from a file.", HelpName = "path" };
        var update = new Command("update", "Record the working summary: what is done, what is next.") { text, file };
        Handler.Set(update, globals, "ticket summary update", context => SummaryUpdateUseCase.Run(context.Workspace, context.Mask(Read(context.Value(text), context.Value(file)))));
        command.Subcommands.Add(update);
        return command;
    }

    /// <summary>The summary from where the user put it: a file, stdin, or the argument.</summary>
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
