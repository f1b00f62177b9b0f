using Dialtone.Core.Alerts;
using static Dialtone.Core.Alerts.StreamRules;

namespace Dialtone.Core.Tests.Alerts;

/// <summary>The two streams' decisions: when a change is news, when it is already known, when the agent already has it.</summary>
public sealed class StreamRulesTests
{
    private static readonly HashSet<string> None = [];

    [Fact]
    public void Local_UnchangedDoc_IsNothing() =>
        Assert.Equal(StreamDecision.Nothing, Local(true, "v1", "v1", null, null, null));

    [Fact]
    public void Local_EditedDoc_IsAnAlert_OnceForEachVersion()
    {
        Assert.Equal(StreamDecision.Alert, Local(true, "v1", "v2", null, null, null));
        Assert.Equal(StreamDecision.Nothing, Local(true, "v1", "v2", null, new Pinned("v2"), null));
        Assert.Equal(StreamDecision.Alert, Local(true, "v1", "v3", null, new Pinned("v2"), null));
    }

    [Fact]
    public void Local_DeletedAndNewDocs_AreAlerts()
    {
        Assert.Equal(StreamDecision.Alert, Local(true, "v1", null, null, null, null));
        Assert.Equal(StreamDecision.Alert, Local(false, null, "v1", null, null, null));
        Assert.Equal(StreamDecision.Nothing, Local(true, null, null, null, null, null));
    }

    [Fact]
    public void Local_MergingAnAcknowledgedUpstreamChange_IsAdoptedSilently() =>
        Assert.Equal(StreamDecision.Adopt, Local(true, "v1", "v2", new Pinned("v2"), null, null));

    [Fact]
    public void Local_MergingAChangeAPendingUpstreamAlertShows_IsNotReportedTwice() =>
        Assert.Equal(StreamDecision.Nothing, Local(true, "v1", "v2", new Pinned("v1"), null, new Pinned("v2")));

    [Fact]
    public void Upstream_NewVersionOnTheBase_IsAnAlert_OnceForEachVersion()
    {
        Assert.Equal(StreamDecision.Alert, Upstream("v1", "v2", "v1", new Pinned("v1"), null, None));
        Assert.Equal(StreamDecision.Nothing, Upstream("v1", "v2", "v1", new Pinned("v1"), new Pinned("v2"), None));
        Assert.Equal(StreamDecision.Nothing, Upstream("v1", "v1", "v9", new Pinned("v9"), null, None));
    }

    [Fact]
    public void Upstream_TheAgentsOwnVersion_IsNeverAnUpstreamChange()
    {
        // The branch was merged into the base: the base now has what the agent wrote.
        Assert.Equal(StreamDecision.Adopt, Upstream("v1", "mine", "mine", new Pinned("mine"), null, None));

        // Merged an older version of the agent's own edits, while it kept working.
        Assert.Equal(StreamDecision.Adopt, Upstream("v1", "mine-1", "mine-2", new Pinned("mine-2"), null, new HashSet<string> { "mine-1", "mine-2" }));
    }

    [Fact]
    public void Upstream_AVersionAcknowledgedLocally_IsAdopted() =>
        Assert.Equal(StreamDecision.Adopt, Upstream("v1", "v2", "v3", new Pinned("v2"), null, None));

    [Fact]
    public void Upstream_DeletionOnTheBase_IsAnAlert() =>
        Assert.Equal(StreamDecision.Alert, Upstream("v1", null, "v1", new Pinned("v1"), null, None));
}
