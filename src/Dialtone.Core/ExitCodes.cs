namespace Dialtone.Core;

/// <summary>The exit codes of the command contract (docs/cli.md). Agents branch on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Blocked = 1;
    public const int Usage = 2;
    public const int Environment = 3;
}
