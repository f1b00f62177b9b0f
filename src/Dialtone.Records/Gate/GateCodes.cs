namespace Dialtone.Records.Gate;

/// <summary>The gate's codes. Listed, with what to do, in docs/build-gate.md; never renumber.</summary>
public static class GateCodes
{
    // Where each code is explained, relative to the Dialtone repository.
    public const string HelpBase = "docs/build-gate.md#";

    public const string NotValidated = "DT0001";
    public const string ValidatedElsewhere = "DT0002";
    public const string BrokenRecord = "DT0003";
    public const string MissingRecord = "DT0004";
    public const string GitUnavailable = "DT0005";

    public static string HelpAnchor(string code) => HelpBase + code.ToLowerInvariant();
}
