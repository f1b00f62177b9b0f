using Dialtone.Cli.Tests;
using Dialtone.Tests;
using CliProcess = Dialtone.Cli.Tests.Cli;

namespace Dialtone.MSBuild.Tests;

/// <summary>A real repository with projects that reference Dialtone.MSBuild from the test feed.</summary>
public sealed class Consumer : IDisposable
{
    private readonly PackageFeed feed;

    public Consumer(PackageFeed feed, params string[] projects)
    {
        this.feed = feed;
        Repo = new TempRepo();
        Repo.Write(".gitignore", "bin/\nobj/\n");
        Repo.Write("nuget.config", $"""
            <configuration>
              <packageSources><clear /><add key="dialtone" value="{feed.Feed}" /></packageSources>
            </configuration>
            """);
        foreach (var name in projects.Length == 0 ? ["app"] : projects)
        {
            Repo.Write($"{name}/{name}.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup><PackageReference Include="Dialtone.MSBuild" Version="0.1.0" PrivateAssets="all" /></ItemGroup>
                </Project>
                """);
            Repo.Write($"{name}/Code.cs", $"namespace {char.ToUpperInvariant(name[0]) + name[1..]}; public static class Code {{ public static int Answer => 42; }}\n");
        }

        Repo.Commit("consumer projects");
    }

    public TempRepo Repo { get; }

    public Dotnet.Result Build(string target, Dictionary<string, string?>? environment = null, params string[] extra)
    {
        var env = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = feed.Packages };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        return Dotnet.Run(Repo.Path_, env, ["build", target, "-nologo", "-v:n", .. extra]);
    }

    /// <summary>Starts a ticket with one subtask whose test is `true`, signed at the current tree.</summary>
    public void SignedTicket(string name)
    {
        Ok(CliProcess.Run(Repo.Path_, "ticket", "start", name));
        Ok(CliProcess.Run(Repo.Path_, "ticket", "subtask", "add", "builds", "--desc", "the projects build", "--condition", "exits 0", "--test", "true"));
        Ok(CliProcess.Run(Repo.Path_, "ticket", "next"));
        Ok(CliProcess.Run(Repo.Path_, "ticket", "log", "SIGN: builds test-command is idempotent and PASS"));
    }

    public void Validate() => Ok(CliProcess.Run(Repo.Path_, "ticket", "validate"));

    public void Dispose() => Repo.Dispose();

    private static void Ok(CliResult result) => Assert.True(result.ExitCode == 0, result.ToString());
}
