using Dialtone.Core.Grants;
using Dialtone.Core.Output;

namespace Dialtone.Core.UseCases.Grants;

/// <summary>
/// Where `ticket grant` speaks while it runs. Its answer cannot wait for the end: the granted
/// command runs between the header and the closing lines, and the expiry warning comes in the
/// middle. The front end shows each new line of the reply as it is added, hands the command its
/// stdout, and shares its stderr with the command.
/// </summary>
public interface IGrantConsole
{
    /// <summary>
    /// The stream the granted command's (masked) stdout goes to, and eval's export lines: it belongs
    /// to them alone, so the tagged lines go elsewhere.
    /// </summary>
    Stream Stdout { get; }

    /// <summary>Shared with the granted command's stderr so that lines never interleave mid-line.</summary>
    LineSafeWriter Stderr { get; }

    /// <summary>
    /// Stdout is a terminal a person reads (and not a program asking for --json): export lines
    /// printed there would sit in its scrollback with nothing to use them.
    /// </summary>
    bool StdoutIsTerminal { get; }

    /// <summary>
    /// Shows the lines of <paramref name="reply"/> added since the last call, now. The use case
    /// returns the same reply at the end; lines shown here are not shown again. Callers hold the
    /// reply's lock while they add to it.
    /// </summary>
    void Show(Reply reply);
}
