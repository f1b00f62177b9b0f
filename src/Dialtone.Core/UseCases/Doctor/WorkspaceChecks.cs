using System.Text.Json;
using Dialtone.Core.Grants;
using Dialtone.Core.Hooks;
using Dialtone.Core.Records;
using Dialtone.Core.Storage;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Doctor;

/// <summary>The doctor's checks of one repository: its store (a full open), its hooks and its config file.</summary>
public static class WorkspaceChecks
{
    public static void Store(Workspace workspace, DoctorChecks checks)
    {
        var paths = workspace.StorePaths;
        var aside = $"mv {ShellWords.Quote(paths.Database)} {ShellWords.Quote(paths.Database + ".broken")}";
        if (Directory.Exists(paths.Directory) && !WriteAccess.CanReplaceIn(paths.Directory, paths.Database))
        {
            checks.Add("store directory", false, $"{paths.Directory} is not writable by this user: every command that records anything will fail", $"chmod u+rwx {ShellWords.Quote(paths.Directory)}");
            return;
        }

        try
        {
            using var store = workspace.OpenStore();
            var tables = StoreHealth.ReadEverything(store);
            var (open, done, subtasks) = store.Tickets.Counts();
            checks.Add("store", true, $"schema v{store.SchemaVersion} at {store.Paths.Database}: {open} open, {done} done tickets, {subtasks} subtasks; all {tables.Count} tables read in full ({tables.Sum(t => t.Rows)} rows)");
        }
        catch (DuckDbException ex)
        {
            // The records in the work tree are re-imported into a fresh store by the next command.
            checks.Add("store", false, $"{paths.Database} cannot be read: {FirstLine(ex.Message)}", aside);
        }
        catch (DialtoneError ex) when (ex.InnerException is DuckDbException)
        {
            checks.Add("store", false, ex.Message, aside);
        }
        catch (DialtoneError ex)
        {
            checks.Add("store", false, ex.Message, ex.Action);
        }
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }

    public static void Hooks(Workspace workspace, DoctorChecks checks)
    {
        var installer = new HookInstaller(workspace.Repository);
        var reports = installer.Status();
        var installed = reports.Where(r => r.State == HookState.Installed).Select(r => r.Name).ToList();
        if (installed.Count == reports.Count)
        {
            checks.Add("hooks", true, $"all {installed.Count} installed in {installer.HooksDirectory}");
        }
        else
        {
            var missing = reports.Where(r => r.State != HookState.Installed).Select(r => r.Name);
            checks.Add("hooks", null, $"{(installed.Count == 0 ? "not installed" : "missing " + string.Join(", ", missing))} in {installer.HooksDirectory}; commits are not gated", $"{NextStep.Cli} hooks install");
        }
    }

    public static void Config(Workspace workspace, DoctorChecks checks)
    {
        var path = Path.Combine(workspace.Repository.TopLevel, ".dialtone", "config.json");
        if (!File.Exists(path))
        {
            checks.Add("config", true, ".dialtone/config.json absent; defaults apply");
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            checks.Add("config", true, ".dialtone/config.json parses");
        }
        catch (JsonException ex)
        {
            checks.Add("config", false, $".dialtone/config.json is not valid JSON (line {(ex.LineNumber ?? 0) + 1}); comments and trailing commas are allowed", "git diff -- .dialtone/config.json");
        }
    }
}
