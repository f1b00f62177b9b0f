using Dialtone.Core.Gates;
using Dialtone.Core.UseCases.Hooks;
using Dialtone.Git;

namespace Dialtone.Cli.Commands.Hooks;

/// <summary>What a hook run reads from the environment git and the shim set, and where its side remarks go: stderr, since stdout is the verdict.</summary>
public static class HookInput
{
    public static HookEnvironment Read(string hook) => new()
    {
        Disabled = Environment.GetEnvironmentVariable("DIALTONE") == "0",
        GitPid = Environment.GetEnvironmentVariable(TrailerHandoff.GitPidVariable),
        NoteFinding = Environment.GetEnvironmentVariable(GateNote.FindingVariable) == "recorded" ? NoteFinding.Recorded : NoteFinding.Unknown,
        Git = GitEnvironment.Read(Environment.GetEnvironmentVariable),
        Explain = Explainer(hook),
        Notice = Console.Error.WriteLine,
    };

    /// <summary>Prints one decision on stderr under DIALTONE_DEBUG=1; nothing otherwise.</summary>
    public static Action<string> Explainer(string name) => text =>
    {
        if (Environment.GetEnvironmentVariable("DIALTONE_DEBUG") == "1")
        {
            Console.Error.WriteLine($"dialtone {name}: {text}");
        }
    };
}
