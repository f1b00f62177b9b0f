namespace Dialtone.Git.Processes;

/// <summary>Receives a child's output as it arrives (on a reader thread), then once its end.</summary>
public interface IOutputSink
{
    void Write(ReadOnlySpan<byte> data);

    void Complete();
}
