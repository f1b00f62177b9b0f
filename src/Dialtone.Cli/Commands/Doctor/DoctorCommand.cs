using System.CommandLine;
using Dialtone.Core.UseCases.Doctor;

namespace Dialtone.Cli.Commands.Doctor;

/// <summary>`dialtone doctor`: checks git, the repository, libduckdb, the store, hooks and config, each with its fix.</summary>
public static class DoctorCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("doctor", "Check git, the repository, the native DuckDB library, the store, hooks and config.");
        Handler.Set(command, globals, "doctor", context => DoctorUseCase.Run(context.Directory));
        return command;
    }
}
