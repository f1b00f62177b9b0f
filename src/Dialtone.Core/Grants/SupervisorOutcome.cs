namespace Dialtone.Core.Grants;

/// <summary>
/// How a supervised command ended. <see cref="ExitCode"/> is its own (128 + n when a signal ended
/// it); <see cref="Expired"/> says Dialtone stopped it at expiry.
/// </summary>
public sealed record SupervisorOutcome(bool Started, int Pid, int ExitCode, bool Expired, int? ForwardedSignal, TimeSpan Elapsed, int LeftoversStopped);
