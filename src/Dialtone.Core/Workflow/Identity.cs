using Dialtone.Git;

namespace Dialtone.Core.Workflow;

/// <summary>Who is acting: DIALTONE_USER, else git's user.name, else the OS user.</summary>
public static class Identity
{
    public static string Of(GitRepository repository) =>
        Environment.GetEnvironmentVariable("DIALTONE_USER") is { Length: > 0 } explicitUser
            ? explicitUser
            : repository.ConfigValue("user.name") is { Length: > 0 } name ? name : Environment.UserName;
}
