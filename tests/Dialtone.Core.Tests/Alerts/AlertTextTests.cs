using Dialtone.Core.Alerts;
using Dialtone.Core.DocDiff;
using Dialtone.Core.Output;

namespace Dialtone.Core.Tests.Alerts;

/// <summary>How alerts read: the seed's sentence, at most five [DIFF] lines, the acknowledgement and full diff in the action.</summary>
public sealed class AlertTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "0 minutes ago")]
    [InlineData(59, "0 minutes ago")]
    [InlineData(60, "1 minute ago")]
    [InlineData(150, "2 minutes ago")]
    [InlineData(119 * 60, "119 minutes ago")]
    [InlineData(3 * 3600, "3 hours ago")]
    [InlineData(72 * 3600, "3 days ago")]
    public void Ago_CountsWholeMinutes_ThenHoursAndDays(int seconds, string expected) =>
        Assert.Equal(expected, AlertText.Ago(Now.AddSeconds(-seconds), Now));

    [Fact]
    public void DocAlert_ReadsLikeTheSeed()
    {
        var reply = new Reply();
        AlertText.Add(reply, Doc(changes: [new DocChange(ChangeKind.Renamed, "Field 'webhook_url' renamed to 'callback_uri'.")]), Now);

        Assert.Equal(
            [
                (Tag.Alert, "Design Doc 'api_spec.md' was modified 2 minutes ago. (alert #7: uncommitted change in the work tree)"),
                (Tag.Diff, "Field 'webhook_url' renamed to 'callback_uri'."),
                (Tag.Action, "Please update your implementation, then: ./dialtone.sh ticket ack --alert 7   (full diff: ./dialtone.sh docs diff api_spec.md)"),
            ],
            reply.Lines);
    }

    [Fact]
    public void ManyChanges_ShowFive_AndSayHowManyThereAre()
    {
        var reply = new Reply();
        var changes = Enumerable.Range(1, 8).Select(i => new DocChange(ChangeKind.Added, $"Field 'f{i}' added.")).ToList();

        AlertText.Add(reply, Doc(changes: changes), Now);

        Assert.Equal(5, reply.Lines.Count(l => l.Tag == Tag.Diff));
        Assert.Contains("(5 of 8 changes shown; full diff: ./dialtone.sh docs diff api_spec.md)", reply.Lines[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UpstreamAlert_NamesTheBaseTheCommitAndItsAuthor()
    {
        var alert = Doc(stream: AlertStream.Upstream, commit: "3f2c1aa0000000000000000000000000000000aa");

        Assert.Equal("alert #7: upstream on 'main', commit 3f2c1aa by Jane Doe, \"Rename the webhook field\"", AlertText.Origin(alert));
    }

    [Fact]
    public void AddedAndDeletedDocs_SaySo()
    {
        Assert.Equal("Design Doc 'api_spec.md' was added 2 minutes ago.", AlertText.Headline(Doc(from: null), Now));
        Assert.Equal("Design Doc 'api_spec.md' was deleted 2 minutes ago.", AlertText.Headline(Doc(to: null), Now));
    }

    [Fact]
    public void PathsThatNeedQuoting_AreQuotedInCommands() =>
        Assert.Equal("./dialtone.sh docs diff 'docs/my spec.md'", AlertText.DiffCommand("docs/my spec.md"));

    private static Alert Doc(
        AlertStream stream = AlertStream.Local,
        string? from = "aaaaaaa",
        string? to = "bbbbbbb",
        string? commit = null,
        IReadOnlyList<DocChange>? changes = null) => new()
        {
            Id = 7,
            Ticket = "feature",
            Kind = AlertKind.Doc,
            Stream = stream,
            Path = "api_spec.md",
            FromBlob = from,
            ToBlob = to,
            BaseRef = "main",
            ChangedAt = Now.AddSeconds(-150),
            Author = commit is null ? null : "Jane Doe",
            Commit = commit,
            Subject = commit is null ? null : "Rename the webhook field",
            Changes = changes ?? [],
            RaisedAt = Now,
        };
}
