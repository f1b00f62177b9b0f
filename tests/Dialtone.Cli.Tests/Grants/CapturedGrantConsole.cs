using System.Text;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.UseCases.Grants;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>The grant use cases run in-process: stdout and stderr kept in memory, stdout never a terminal.</summary>
public sealed class CapturedGrantConsole : IGrantConsole, IDisposable
{
    private readonly MemoryStream stdout = new();
    private readonly MemoryStream stderr = new();

    public CapturedGrantConsole() => Stderr = new LineSafeWriter(stderr);

    public Stream Stdout => stdout;

    public LineSafeWriter Stderr { get; }

    public bool StdoutIsTerminal => false;

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
