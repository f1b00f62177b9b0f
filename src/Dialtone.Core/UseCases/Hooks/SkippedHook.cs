using Dialtone.Core.EvidenceFiles;
using Dialtone.Core.Gates;
using Dialtone.Core.Storage;
using Dialtone.Core.Tickets;
using Dialtone.Git;
using Dialtone.Records;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// DIALTONE=0 reaching dialtone itself (another hook manager calling `dialtone hook &lt;name&gt;`): the
/// same line in the evidence inbox that the shims write in sh, on a ticket branch. prepare-commit-msg
/// and commit-msg belong to a commit whose pre-commit and post-commit already say so.
/// </summary>
public static class SkippedHook
{
    public static void Record(string directory, string hook, HookEnvironment environment)
    {
        if (hook is "prepare-commit-msg" or "commit-msg")
        {
            return;
        }

        try
        {
            var repository = environment.Repository(directory);
            if (TicketBranch.BranchOf(repository) is not { } branch || !Names.IsValid(branch)
                || TicketBranch.Identify(repository, branch, lookInGit: hook == "pre-commit") is null)
            {
                return;
            }

            var head = repository.Commit("HEAD");
            var subject = hook == "post-commit" ? head?.Subject ?? "" : "";
            var line = new InboxLine(Clock.Now(environment.Time), EvidenceKinds.GateSkipped, branch, hook, head?.Id ?? "", subject);
            EvidenceInbox.Append(StorePaths.ForCommonDir(repository.CommonDir).Directory, line);
            environment.Notice($"dialtone: '{branch}' is a ticket branch: the skip is recorded on its ticket as gate-skipped evidence.");
        }
        catch (DialtoneError ex)
        {
            // Not a repository: no branch, so no ticket to record the skip on.
            environment.Explain($"the skip is not recorded: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or GitException)
        {
            environment.Notice($"dialtone {hook}: the skip could not be recorded ({Output.TicketText.OneLine(ex.Message, 200)}).");
        }
    }
}
