namespace Dialtone.Git;

/// <summary>The git executable itself, asked without a repository.</summary>
public static class GitInstallation
{
    /// <summary>git's own version line ("git version 2.39.5"); throws GitNotFoundException when git cannot be started.</summary>
    public static string Version(string workingDirectory) => new GitRunner(workingDirectory).RunChecked("--version");
}
