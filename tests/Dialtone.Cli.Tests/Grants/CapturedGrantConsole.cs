using System.Text;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Grants;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>The grant use cases run in-process: stdout and stderr kept in memory; stdout a terminal only when the test says so.</summary>
public sealed class CapturedGrantConsole(bool terminal = false) : IGrantConsole, IDisposable
{
    private readonly MemoryStream stdout = new();
    private readonly MemoryStream stderr = new();
    private LineSafeWriter? stderrWriter;

    public Stream Stdout => stdout;

    public LineSafeWriter Stderr => stderrWriter ??= new(stderr);

    public bool StdoutIsTerminal => terminal;

    public string StdoutText => Encoding.UTF8.GetString(stdout.ToArray());

    public void Show(Reply reply)
    {
    }

    public void Dispose()
    {
        stdout.Dispose();
        stderr.Dispose();
    }
}
