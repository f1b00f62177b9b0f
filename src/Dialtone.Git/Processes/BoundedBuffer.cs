using System.Buffers;

namespace Dialtone.Git.Processes;

/// <summary>Keeps the first <c>limit</c> bytes and keeps reading past it, so the child never blocks on a full pipe.</summary>
public sealed class BoundedBuffer(int limit) : IOutputSink
{
    private readonly ArrayBufferWriter<byte> kept = new();
    private readonly Lock gate = new();

    public long Total { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (gate)
        {
            Total += data.Length;
            var room = Math.Min(data.Length, Math.Max(0, limit - kept.WrittenCount));
            if (room > 0)
            {
                kept.Write(data[..room]);
            }
        }
    }

    public void Complete()
    {
    }

    public byte[] ToArray()
    {
        lock (gate)
        {
            return kept.WrittenSpan.ToArray();
        }
    }
}
