using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dialtone.Core;
using Dialtone.Core.Output;
using Dialtone.Core.Storage;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Cli.Commands;

/// <summary>`dialtone doctor`: checks git, the repository, libduckdb, the store, hooks and config, each with its fix.</summary>
public static class DoctorCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("doctor", "Check git, the repository, the native DuckDB library, the store, hooks and config.");
        Handler.Set(command, globals, "doctor", context => Run(context.Directory));
        return command;
    }

    public static Reply Run(string directory)
    {
        var reply = new Reply();
        var checks = new JsonArray();
        string? firstFix = null;

        void Check(string name, bool? ok, string detail, string? fix = null)
        {
            var tag = ok switch { true => Tag.Pass, false => Tag.Fail, null => Tag.Warn };
            reply.Add(tag, $"{name}: {detail}");
            checks.Add(new JsonObject { ["check"] = name, ["status"] = ok switch { true => "pass", false => "fail", null => "warn" }, ["detail"] = detail, ["fix"] = fix });
            if (ok == false)
            {
                firstFix ??= fix;
            }
        }

        try
        {
            var version = new GitRunner(directory).RunChecked("--version");
            Check("git", true, version);
        }
        catch (GitException ex)
        {
            Check("git", false, ex.Message, "Install git and put it on PATH.");
        }

        Workspace? workspace = null;
        try
        {
            workspace = Workspace.Discover(directory);
            Check("repository", true, $"{workspace.Repository.TopLevel} (branch {workspace.CurrentBranch ?? "detached HEAD"})");
        }
        catch (DialtoneError ex)
        {
            Check("repository", false, ex.Message, ex.Action);
        }

        var libraryLoaded = false;
        try
        {
            DuckDbLibrary.EnsureLoaded();
            libraryLoaded = true;
            Check("libduckdb", true, $"{DuckDbLibrary.Version} from {DuckDbLibrary.LoadedFrom ?? "the default search path"}");
        }
        catch (DuckDbLibraryException ex)
        {
            Check("libduckdb", false, ex.Message, "./dialtone.sh doctor   (dialtone.sh rebuilds and fetches libduckdb), or set DIALTONE_DUCKDB_LIB");
        }

        if (workspace is not null && libraryLoaded)
        {
            try
            {
                using var store = workspace.OpenStore();
                var (open, done, subtasks) = store.Tickets.Counts();
                Check("store", true, $"schema v{store.SchemaVersion} at {store.Paths.Database}: {open} open, {done} done tickets, {subtasks} subtasks");
            }
            catch (DialtoneError ex)
            {
                Check("store", false, ex.Message, ex.Action);
            }
        }

        if (workspace is not null)
        {
            CheckHooks(workspace, Check);
            CheckConfig(workspace, Check);
        }

        reply.Set("checks", () => checks);
        if (firstFix is not null || reply.HasTag(Tag.Fail))
        {
            reply.Fail(ExitCodes.Environment, firstFix ?? $"{NextStep.Cli} doctor");
        }

        return reply;
    }

    private static void CheckHooks(Workspace workspace, Action<string, bool?, string, string?> check)
    {
        var installer = new Dialtone.Git.Hooks.HookInstaller(workspace.Repository);
        var reports = installer.Status();
        var installed = reports.Where(r => r.State == Dialtone.Git.Hooks.HookState.Installed).Select(r => r.Name).ToList();
        if (installed.Count == reports.Count)
        {
            check("hooks", true, $"all {installed.Count} installed in {installer.HooksDirectory}", null);
        }
        else
        {
            var missing = reports.Where(r => r.State != Dialtone.Git.Hooks.HookState.Installed).Select(r => r.Name);
            check("hooks", null, $"{(installed.Count == 0 ? "not installed" : "missing " + string.Join(", ", missing))} in {installer.HooksDirectory}; commits are not gated", $"{NextStep.Cli} hooks install");
        }
    }

    private static void CheckConfig(Workspace workspace, Action<string, bool?, string, string?> check)
    {
        var path = Path.Combine(workspace.Repository.TopLevel, ".dialtone", "config.json");
        if (!File.Exists(path))
        {
            check("config", true, ".dialtone/config.json absent; defaults apply", null);
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            check("config", true, ".dialtone/config.json parses", null);
        }
        catch (JsonException ex)
        {
            check("config", false, $".dialtone/config.json is not valid JSON (line {(ex.LineNumber ?? 0) + 1})", "Fix the file (comments and trailing commas are allowed).");
        }
    }
}
