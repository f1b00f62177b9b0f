using Dialtone.Core.Gates;
using Dialtone.Core.Output;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// The prepare-commit-msg hook: adds the Dialtone-Ticket and Dialtone-Subtask trailers that the
/// pre-commit of the same `git commit` handed over (the shim does this in sh; this is for other hook
/// managers that call `dialtone hook prepare-commit-msg`).
/// </summary>
public static class PrepareCommitMessageHook
{
    public static Reply Run(string directory, IReadOnlyList<string> args, HookEnvironment environment)
    {
        var repository = environment.Repository(directory);
        var explain = environment.Explain;
        if (args.Count == 0)
        {
            throw DialtoneError.Usage("prepare-commit-msg needs the message file git passes.", "dialtone hook prepare-commit-msg <message-file>");
        }

        var handoff = TrailerHandoff.Take(repository.GitDir, environment.GitPid);
        if (handoff is not var (ticket, subtask))
        {
            explain("no commit gate passed in this commit: no trailers");
            return new Reply();
        }

        var source = args.Count > 1 ? args[1] : "";
        // A real merge passes pre-commit without a handoff; one that got here was judged like any commit.
        if (source is "commit" or "squash")
        {
            explain($"message source '{source}': no trailers");
            return new Reply();
        }

        var trailers = new List<KeyValuePair<string, string>> { new(TrailerHandoff.TicketTrailer, ticket) };
        if (subtask is not null)
        {
            trailers.Add(new(TrailerHandoff.SubtaskTrailer, subtask));
        }

        // git passes the message file relative to where it runs the hook: the work tree root.
        repository.AddTrailers(Path.GetFullPath(args[0], directory), trailers);
        return new Reply();
    }
}
