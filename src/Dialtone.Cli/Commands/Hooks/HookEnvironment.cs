using Dialtone.Core;
using Dialtone.Git;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>What hook code reads from its environment: the switch-off, the debug switch, and the ambient repository.</summary>
public static class HookEnvironment
{
    /// <summary>DIALTONE=0 switches every Dialtone hook off, loudly.</summary>
    public static bool Disabled => Environment.GetEnvironmentVariable("DIALTONE") == "0";

    public static bool Debugging => Environment.GetEnvironmentVariable("DIALTONE_DEBUG") == "1";

    /// <summary>Prints one decision on stderr under DIALTONE_DEBUG=1 (stdout is the verdict).</summary>
    public static Action<string> Explainer(string hook) => text =>
    {
        if (Debugging)
        {
            Console.Error.WriteLine($"dialtone {hook}: {text}");
        }
    };

    public static void SayDisabled(string what) => Console.Error.WriteLine($"dialtone: DIALTONE=0, {what} skipped.");

    /// <summary>
    /// The repository git is running the hook for, keeping GIT_DIR and GIT_INDEX_FILE: `git commit -a`
    /// and partial commits stage into a temporary index only the environment names.
    /// </summary>
    public static GitRepository AmbientRepository(string directory)
    {
        try
        {
            return GitRepository.Discover(directory, ambient: true);
        }
        catch (NotARepositoryException ex)
        {
            throw DialtoneError.Environment(ex.Message, "git init   (or run dialtone inside a git work tree, or pass -C <path>)", ex);
        }
    }
}
