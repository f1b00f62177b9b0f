using Dialtone.Core.Grants;
using Dialtone.Core.Storage;
using Dialtone.Git.Processes;

namespace Dialtone.Core.Tests.Grants;

/// <summary>
/// What a test run or `dialtone run` gets from the session files: the live session grants of its own
/// ticket only (the newest per variable), the expired ones named, and a mask of every secret of the store.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TicketSessionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly string root = Directory.CreateTempSubdirectory("dialtone-ticket-session-").FullName;

    private StorePaths Paths => StorePaths.ForCommonDir(Path.Combine(root, "git"));

    private void Write(long lease, string ticket, string mode, int minutes, string variable = "STRIPE_API_KEY") =>
        SessionFiles.Write(Paths, SessionFiles.Prepare(Paths, _ => null), new SessionGrant(lease, ticket, "s", variable, mode, Now.AddMinutes(minutes), Secret(lease)));

    private static string Secret(long lease) => $"sk_test_secret_number_{lease}";

    [Fact]
    public void OnlyTheLiveSessionGrantsOfTheTicket_GoIntoTheEnvironment_ButEverySecretIsMasked()
    {
        Write(1, "demo", LeaseModes.Session, 10);
        Write(2, "demo", LeaseModes.Run, 10, "OTHER_KEY");
        Write(3, "other", LeaseModes.Session, 10, "THIRD_KEY");
        Write(4, "demo", LeaseModes.Export, 5, "GH_TOKEN");
        Write(5, "demo", LeaseModes.Session, -1, "OLD_KEY");

        var session = TicketSession.Load(Paths, "demo", Now);

        Assert.Equal([1L, 4L], session.Live.Select(g => g.Lease));
        Assert.Equal([5L], session.Expired.Select(g => g.Lease));
        Assert.Equal(Now.AddMinutes(5), session.ExpiresAt);
        var environment = session.Environment();
        Assert.Equal(Secret(1), environment["STRIPE_API_KEY"]);
        Assert.Equal(Secret(4), environment["GH_TOKEN"]);
        Assert.False(environment.ContainsKey("OTHER_KEY"));
        Assert.False(environment.ContainsKey("THIRD_KEY"));
        Assert.False(environment.ContainsKey("OLD_KEY"));
        Assert.EndsWith("STRIPE_API_KEY:GH_TOKEN", environment[GrantEnvironment.Variable], StringComparison.Ordinal);
        Assert.Equal("2026-11-30T09:05:00Z", environment[GrantEnvironment.ExpiresAt]);
        Assert.Equal(session.Cookie, environment[ProcessTree.CookieVariable]);
        Assert.Equal(
            "<redacted:STRIPE_API_KEY> <redacted:OTHER_KEY> <redacted:THIRD_KEY> <redacted:GH_TOKEN> <redacted:OLD_KEY>",
            session.Mask.Apply(string.Join(' ', Enumerable.Range(1, 5).Select(i => Secret(i)))));
    }

    [Fact]
    public void TwoGrantsOfOneVariable_TheNewestWins()
    {
        Write(1, "demo", LeaseModes.Session, 10);
        Write(2, "demo", LeaseModes.Session, 3);

        Assert.Equal(Secret(2), TicketSession.Load(Paths, "demo", Now).Environment()["STRIPE_API_KEY"]);
    }

    [Fact]
    public void WithoutGrants_NothingIsSet_AndNoCookie()
    {
        var session = TicketSession.Load(Paths, "demo", Now);

        Assert.Empty(session.Environment());
        Assert.Null(session.Cookie);
        Assert.Null(session.ExpiresAt);
    }

    [Fact]
    public void Describe_NamesEachVariableAndGrant() =>
        Assert.Equal(
            "A (grant #1), B (grant #2) and C (grant #3)",
            TicketSession.Describe(
            [
                new SessionGrant(1, "t", "s", "A", LeaseModes.Session, Now, "x"),
                new SessionGrant(2, "t", "s", "B", LeaseModes.Session, Now, "x"),
                new SessionGrant(3, "t", "s", "C", LeaseModes.Session, Now, "x"),
            ]));

    public void Dispose() => Directory.Delete(root, recursive: true);
}
