using Dialtone.Core.Output;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Doctor;

/// <summary>`dialtone doctor`: checks git, the repository, libduckdb, the store, hooks and config, each with its fix.</summary>
public static class DoctorUseCase
{
    public static Reply Run(string directory)
    {
        var reply = new Reply();
        var checks = new DoctorChecks(reply);
        try
        {
            checks.Add("git", true, GitInstallation.Version(directory));
        }
        catch (GitException ex)
        {
            checks.Add("git", false, $"{ex.Message} Install git and put it on PATH.", "git --version");
        }

        Workspace? workspace = null;
        try
        {
            workspace = Workspace.Discover(directory);
            checks.Add("repository", true, $"{workspace.Repository.TopLevel} (branch {workspace.CurrentBranch ?? "detached HEAD"})");
        }
        catch (DialtoneError ex)
        {
            checks.Add("repository", false, ex.Message, ex.Action);
        }

        var libraryLoaded = false;
        try
        {
            DuckDbLibrary.EnsureLoaded();
            libraryLoaded = true;
            checks.Add("libduckdb", true, $"{DuckDbLibrary.Version} from {DuckDbLibrary.LoadedFrom ?? "the default search path"}");
        }
        catch (DuckDbLibraryException ex)
        {
            checks.Add("libduckdb", false, $"{ex.Message} Rebuilding Dialtone copies it again; DIALTONE_DUCKDB_LIB names another copy.", $"DIALTONE_DUCKDB_LIB=<path-to-libduckdb> {NextStep.Cli} doctor");
        }

        if (workspace is not null && libraryLoaded)
        {
            WorkspaceChecks.Store(workspace, checks);
        }

        if (workspace is not null)
        {
            WorkspaceChecks.Hooks(workspace, checks);
            WorkspaceChecks.Config(workspace, checks);
        }

        reply.Set("checks", () => checks.Rows);
        if (checks.Failed)
        {
            reply.Fail(ExitCodes.Environment, checks.FirstFix ?? $"{NextStep.Cli} doctor");
        }
        else if (checks.FirstFix is { } fix)
        {
            reply.Add(Tag.Action, fix);
        }

        return reply;
    }
}
