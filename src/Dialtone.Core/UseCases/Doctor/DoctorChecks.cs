using System.Text.Json.Nodes;
using Dialtone.Core.Output;

namespace Dialtone.Core.UseCases.Doctor;

/// <summary>The doctor's results as they come in: a tagged line each, the --json rows, and the first fix of a failure.</summary>
public sealed class DoctorChecks(Reply reply)
{
    private readonly JsonArray rows = [];

    /// <summary>The fix of the first failed check (else of the first warning), for the closing [ACTION].</summary>
    public string? FirstFix => firstFailureFix ?? firstWarningFix;

    /// <summary>Whether a check failed (a warning alone does not fail the doctor).</summary>
    public bool Failed { get; private set; }

    private string? firstFailureFix;
    private string? firstWarningFix;

    public JsonArray Rows => rows;

    /// <summary>One check: <paramref name="ok"/> true passes, false fails, null warns.</summary>
    public void Add(string name, bool? ok, string detail, string? fix = null)
    {
        var tag = ok switch { true => Tag.Pass, false => Tag.Fail, null => Tag.Warn };
        reply.Add(tag, $"{name}: {detail}");
        rows.Add(new JsonObject { ["check"] = name, ["status"] = ok switch { true => "pass", false => "fail", null => "warn" }, ["detail"] = detail, ["fix"] = fix });
        if (ok == false)
        {
            Failed = true;
            firstFailureFix ??= fix;
        }
        else if (ok is null)
        {
            firstWarningFix ??= fix;
        }
    }
}
