namespace Dialtone.Core.Hooks;

/// <summary>What occupies one hook's place in the hooks directory.</summary>
public enum HookState
{
    /// <summary>No hook of that name.</summary>
    Missing,

    /// <summary>Dialtone's shim, current version.</summary>
    Installed,

    /// <summary>Dialtone's shim, but an older text: install rewrites it.</summary>
    Outdated,

    /// <summary>Someone else's hook.</summary>
    Foreign,
}
