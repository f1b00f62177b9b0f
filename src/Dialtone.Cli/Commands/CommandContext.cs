using System.CommandLine;
using Dialtone.Core;
using Dialtone.Core.Grants;
using Dialtone.Core.Workflow;

namespace Dialtone.Cli.Commands;

/// <summary>
/// What a command body gets: its parsed values and, on first use, the workspace it works on. While a
/// grant is live, every text value reaches the use case with the grant's secret masked in every form,
/// before anything stores, hashes or echoes it (docs/grants.md).
/// </summary>
public sealed class CommandContext(ParseResult parsed, GlobalOptions globals, string name = "dialtone")
{
    private Workspace? workspace;
    private SecretMask? inputMask;

    public ParseResult Parsed { get; } = parsed;

    public T? Value<T>(Option<T> option) => Masked(Parsed.GetValue(option));

    public T Value<T>(Argument<T> argument) => Masked(Parsed.GetValue(argument))!;

    /// <summary>The directory the command works in: -C, else the current directory.</summary>
    public string Directory => Parsed.GetValue(globals.Directory) is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Environment.CurrentDirectory;

    public Workspace Workspace => workspace ??= Discover();

    /// <summary>The workspace if the command used one (null for commands that never needed it).</summary>
    public Workspace? UsedWorkspace => workspace;

    private Workspace Discover()
    {
        var discovered = Workspace.Discover(Directory);
        discovered.Activity = $"dialtone {name}";
        return discovered;
    }

    /// <summary>Text the command read itself (a file, stdin), masked like its values.</summary>
    public string? Mask(string? text) => text is null ? null : InputMask.Apply(text);

    /// <summary>The answer as printed, with the secrets of the grants live now masked (read again: the command may have made one).</summary>
    public string MaskOutput(string text) => LiveSecrets().Apply(text);

    private SecretMask InputMask => inputMask ??= LiveSecrets();

    /// <summary>
    /// Git passes hooks paths and refs, never text an agent typed: their values are not masked, and
    /// their answers only for inherited grants, since finding the repository's session files would
    /// cost every commit a git process.
    /// </summary>
    private bool IsHook => Parsed.CommandResult.Command.Name == "hook";

    private T? Masked<T>(T? value)
    {
        if (value is null || IsHook)
        {
            return value;
        }

        return value switch
        {
            string text => (T)(object)InputMask.Apply(text),
            string[] texts => (T)(object)texts.Select(InputMask.Apply).ToArray(),
            _ => value,
        };
    }

    /// <summary>What an enclosing grant put in the environment, and every grant file of this repository's store.</summary>
    private SecretMask LiveSecrets()
    {
        if (IsHook)
        {
            return SecretMask.Inherited();
        }

        Workspace found;
        try
        {
            found = Workspace;
        }
        catch (Exception error) when (error is DialtoneError or InvalidOperationException)
        {
            // Not in a repository: only the environment can hold a secret. The command reports the error itself.
            return SecretMask.Inherited();
        }

        return TicketSession.Load(found.StorePaths, null, found.Now()).Mask;
    }
}
