namespace Dialtone.Core.Alerts;

/// <summary>What a check does with one doc on one stream.</summary>
public enum StreamDecision
{
    /// <summary>Nothing new: unchanged, or already alerted for this very version.</summary>
    Nothing,

    /// <summary>Move the baseline silently: the agent already has (or acknowledged) this version.</summary>
    Adopt,

    /// <summary>Diff it; raise (or update) an alert unless the change only reformats.</summary>
    Alert,
}
