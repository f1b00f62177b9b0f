namespace Dialtone.Core.Alerts;

/// <summary>Where an alert came from: a watched design doc that changed, or an external event (`ticket alert`).</summary>
public enum AlertKind
{
    Doc,
    Event,
}
