namespace Dialtone.Core.Grants;

/// <summary>How a grant was handed out, as the `mode` of its lease.</summary>
public static class LeaseModes
{
    /// <summary>`ticket grant … -- &lt;cmd&gt;`: one supervised command, expiry enforced.</summary>
    public const string Run = "run";

    /// <summary>`ticket grant …` without a command: the ticket session (test runs, `dialtone run`).</summary>
    public const string Session = "session";

    /// <summary>`--print-export`: the ticket session, and export lines printed for a person's shell.</summary>
    public const string Export = "export";

    /// <summary>Leases of earlier versions that printed export lines for eval; they have no session file.</summary>
    public const string Eval = "eval";
}
