namespace Dialtone.Core.Hooks;

/// <summary>What install or uninstall did to one hook.</summary>
public enum HookAction
{
    Installed,
    Updated,
    Unchanged,
    Removed,
    Restored,

    /// <summary>A foreign hook and a chained one are both there: neither is touched.</summary>
    Conflict,
    NotInstalled,
}
