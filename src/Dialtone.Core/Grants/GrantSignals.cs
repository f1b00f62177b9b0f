using System.Runtime.InteropServices;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Grants;

/// <summary>
/// Catches SIGINT, SIGTERM and SIGHUP for the whole life of a grant — mint, command, revoke — so a
/// signal never ends Dialtone with a live credential unrevoked. While the command runs each signal
/// is forwarded to it (to the command itself, which decides what its children get); before it
/// starts a signal is remembered, and the grant stops before the command starts.
/// </summary>
public sealed class GrantSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> registrations = [];
    private readonly Lock gate = new();
    private int pid;

    public GrantSignals()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var (signal, number) in new[] { (PosixSignal.SIGINT, NativeSignals.SIGINT), (PosixSignal.SIGTERM, NativeSignals.SIGTERM), (PosixSignal.SIGHUP, NativeSignals.SIGHUP) })
        {
            registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Forward(number);
            }));
        }
    }

    /// <summary>The last signal received, or null.</summary>
    public int? Received { get; private set; }

    /// <summary>From now on signals go to <paramref name="childPid"/>; one that came while it started is delivered now.</summary>
    public void Attach(int childPid)
    {
        int? early;
        lock (gate)
        {
            pid = childPid;
            early = Received;
        }

        if (early is { } signal)
        {
            NativeSignals.Send(childPid, signal);
        }
    }

    /// <summary>The command has exited: signals are only remembered again.</summary>
    public void Detach()
    {
        lock (gate)
        {
            pid = 0;
        }
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }

    private void Forward(int signal)
    {
        int target;
        lock (gate)
        {
            Received = signal;
            target = pid;
        }

        if (target != 0)
        {
            NativeSignals.Send(target, signal);
        }
    }
}
