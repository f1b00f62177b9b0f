namespace Dialtone.Cli.Tests.Verify;

/// <summary>The verify tests share one honest ticket (building it runs the whole loop through git's hooks); each test clones it.</summary>
[CollectionDefinition(Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HonestTicketCollection : ICollectionFixture<HonestTicket>
{
    public const string Name = "honest ticket";
}
