using System.Text;

namespace Dialtone.Core.Grants;

/// <summary>
/// The stderr that a supervised command and Dialtone share. Dialtone's own lines always start on
/// a line of their own, never in the middle of one of the command's lines; writes do not interleave.
/// A closed stream (the reader went away) is ignored rather than failing the grant.
/// </summary>
public sealed class LineSafeWriter(Stream stream)
{
    private readonly Lock gate = new();
    private bool atLineStart = true;
    private bool broken;

    public void WriteChild(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        lock (gate)
        {
            Write(data);
            atLineStart = data[^1] == (byte)'\n';
        }
    }

    public void WriteLine(string line)
    {
        lock (gate)
        {
            Write(Encoding.UTF8.GetBytes((atLineStart ? "" : "\n") + line + "\n"));
            atLineStart = true;
        }
    }

    private void Write(ReadOnlySpan<byte> data)
    {
        if (broken)
        {
            return;
        }

        try
        {
            stream.Write(data);
            stream.Flush();
        }
        catch (IOException)
        {
            broken = true;
        }
    }
}
