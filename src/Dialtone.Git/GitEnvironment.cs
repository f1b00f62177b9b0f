namespace Dialtone.Git;

/// <summary>
/// The repository variables a parent git sets for the processes it starts, such as a hook: GIT_DIR,
/// GIT_INDEX_FILE, GIT_WORK_TREE, … A git call about another repository must not see them; a hook's
/// own git calls must, or `git commit -a` and partial commits would read the wrong index (they stage
/// into a temporary index that only GIT_INDEX_FILE names). The front end reads them from its process
/// environment and passes them in, so nothing here depends on the process it runs in.
/// </summary>
public sealed class GitEnvironment
{
    private GitEnvironment(IReadOnlyDictionary<string, string> variables) => Variables = variables;

    /// <summary>The variables git sets for hooks that would redirect a child git to another repository or index.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES",
    ];

    /// <summary>No repository variables: git finds the repository from the working directory.</summary>
    public static GitEnvironment None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The variables that are set, by name.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>The index git is committing from (GIT_INDEX_FILE), or null for the repository's own.</summary>
    public string? IndexFile => Variables.GetValueOrDefault("GIT_INDEX_FILE");

    /// <summary>Reads each of <see cref="Names"/> through <paramref name="read"/> (a front end passes its environment lookup).</summary>
    public static GitEnvironment Read(Func<string, string?> read)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            if (read(name) is { } value)
            {
                variables[name] = value;
            }
        }

        return new GitEnvironment(variables);
    }
}
