using Dialtone.Core.Alerts;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Alerts;

/// <summary>Watch patterns and doc paths as typed on the command line, made relative to the repository.</summary>
public static class WatchPaths
{
    /// <summary>
    /// A path or glob as the watch list keeps it: relative to the repository root, forward slashes.
    /// Globs are always taken from the root; a plain path, like git takes it, from <paramref name="directory"/>
    /// (where the command runs).
    /// </summary>
    public static string RepositoryRelative(Workspace workspace, string directory, string pattern)
    {
        var text = pattern.Trim();
        var isGlob = text.IndexOfAny(['*', '?', '{', '[']) >= 0;
        if (!isGlob && text.Length > 0)
        {
            var relative = Path.GetRelativePath(workspace.Repository.TopLevel, Path.GetFullPath(text, directory));
            if (relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                text = relative;
            }
        }

        return WatchRules.Normalize(text);
    }
}
