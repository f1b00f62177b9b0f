namespace Dialtone.Core.Alerts;

/// <summary>How loud an external event is. Every level must be acknowledged before validation.</summary>
public enum AlertLevel
{
    Error,
    Warn,
    Info,
}
