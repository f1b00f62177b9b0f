using Dialtone.Core.Config;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>No policy change since the merge-base: `.dialtone/config.json` at HEAD decides what the merge-base's did (watching more docs aside).</summary>
public static class PolicyCheck
{
    public static void Run(string? atBase, string? atHead, string mergeBase, VerifyReport report)
    {
        var changes = PolicyDiff.Changes(atBase, atHead);
        if (changes.Count == 0)
        {
            report.Add(VerifyCheck.Pass("policy", $"policy: {DialtoneConfig.RelativePath} at HEAD sets the policy it set at the merge-base {VerifyReport.Short(mergeBase)}."));
            return;
        }

        var restore = $"git checkout {VerifyReport.Short(mergeBase)} -- {DialtoneConfig.RelativePath}";
        foreach (var change in changes)
        {
            report.Add(VerifyCheck.Fail(
                "policy",
                $"policy: {change} since the merge-base {VerifyReport.Short(mergeBase)}; policy is the human's, committed on the base branch.",
                $"take the change out of the branch ({restore}, then commit) and ask the human to commit it on the base branch.",
                restore));
        }
    }
}
