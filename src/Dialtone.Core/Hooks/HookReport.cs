namespace Dialtone.Core.Hooks;

/// <summary>One hook after install, uninstall or status: its state, whether a previous hook is chained, what was done.</summary>
public sealed record HookReport(string Name, string Path, HookState State, bool Chained, HookAction? Action)
{
    public string ChainedPath => Path + HookInstaller.ChainedSuffix;
}
