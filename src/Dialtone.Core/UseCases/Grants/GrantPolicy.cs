using Dialtone.Core.Config;
using Dialtone.Core.Grants;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// Which grant scopes count: those committed at HEAD. Scopes are the human's policy; an agent could
/// otherwise add a 24-hour scope to the work tree's config and use it without ever committing it,
/// where neither the commit gate nor `dialtone verify` would see it.
/// </summary>
public static class GrantPolicy
{
    public static DialtoneConfig Config(Workspace workspace, string? scopeName)
    {
        var committed = DialtoneConfig.Committed(workspace.Repository);
        var working = workspace.Config;
        if (scopeName is not null && working.Grants.TryGetValue(scopeName, out var local)
            && (!committed.Grants.TryGetValue(scopeName, out var agreed) || !SameTerms(local, agreed)))
        {
            throw DialtoneError.Usage(
                $"Scope '{Dialtone.Core.Tickets.Names.Printable(scopeName)}' in the work tree's {DialtoneConfig.RelativePath} is not the one committed at HEAD: grant scopes count only once a human commits them (on the base branch).",
                $"git diff HEAD -- {DialtoneConfig.RelativePath}");
        }

        return committed;
    }

    private static bool SameTerms(GrantScope a, GrantScope b) =>
        a.Env == b.Env && a.MaxDuration == b.MaxDuration && a.Grace == b.Grace
        && a.Mint.Display == b.Mint.Display && a.Revoke?.Display == b.Revoke?.Display;
}
