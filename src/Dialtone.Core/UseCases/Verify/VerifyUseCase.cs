using System.Text.Json.Nodes;
using Dialtone.Core.Config;
using Dialtone.Core.Output;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Core.UseCases.Verify;

/// <summary>
/// `dialtone verify [--base &lt;ref&gt;] [--prove-red] [--summary &lt;file&gt;] [--ticket &lt;t&gt;]`: the CI
/// check that re-checks every claim of a ticket's record on a clean checkout, from the record and
/// git alone (the store is never opened, so it works in a fresh clone). The record's chain, every
/// commit since the merge-base, the last validation, every signed test re-run at HEAD, policy,
/// evidence, and with `--prove-red` every test at the merge-base. docs/verify.md.
/// </summary>
public static class VerifyUseCase
{
    public static Reply Run(Workspace workspace, VerifyRequest request)
    {
        var report = new VerifyReport();
        try
        {
            var reply = Verify(workspace.Repository, request, report);
            Summarize(request, report, reply);
            return reply;
        }
        catch (Exception error) when (request.SummaryFile is not null && error is DialtoneError or GitException)
        {
            // The pull request should say why verify did not run, too.
            report.Error = error.Message;
            Summarize(request, report, null);
            throw;
        }
    }

    private static Reply Verify(GitRepository repository, VerifyRequest request, VerifyReport report)
    {
        // The record's chain is checked with SHA-256 and the commits' trees hashed with SHA-1: loading
        // the crypto library and first-using System.Text.Json (~20 ms) overlaps the first git questions.
        var warm = Task.Run(WarmUp);
        var head = repository.Head
            ?? throw DialtoneError.Usage("HEAD has no commit yet: there is nothing to verify.", "git log --oneline");
        report.Head = head;
        var target = TicketLookup.Find(repository, head, request.Ticket, request.Base);
        if (target.Ticket is null)
        {
            report.NothingToVerify = target.NothingToVerify;
            var nothing = new Reply().Add(Tag.Warn, target.NothingToVerify!);
            nothing.Set("ticket", () => null).Set("head", () => head).Set("passed", () => true).Set("checks", () => new JsonArray());
            return nothing;
        }

        report.Ticket = target.Ticket;
        var changed = repository.WorkTreeStatus().Entries;
        if (changed.Count > 0)
        {
            throw DialtoneError.Usage(
                $"verify checks what HEAD records, on a clean checkout, but the work tree has changes: {Loop.RunReport.Paths([.. changed.Select(c => c.Path)], 5)}. Commit or stash them first.",
                "git stash --include-untracked");
        }

        warm.Wait();
        if (RecordCheck.Run(target, report) is not { } record)
        {
            return report.ToReply();
        }

        var found = BaseLookup.Resolve(repository, head, request.Base, record);
        (report.BaseRef, report.BaseCommit, report.MergeBase) = (found.Ref, found.Commit, found.MergeBase);
        report.Add(VerifyCheck.Pass("base", $"base: {found.Ref} at {VerifyReport.Short(found.Commit)}; merge-base with HEAD {VerifyReport.Short(found.MergeBase)}."));

        // The commit walk and the record's history only read objects: they run while the tests run
        // (which mostly wait on their processes), each into its own part, merged in the order shown.
        var commits = new VerifyReport();
        var walking = Task.Run(() => CommitWalk.Run(repository, record, found, head, commits));
        var history = Task.Run(() => EvidenceHistory.Collect(repository, record, found.MergeBase, head));
        var tests = new VerifyReport();
        var config = Config(repository, found.MergeBase, tests);
        var mask = SecretMask.FromEnvironment();
        TestRerun.AtHead(repository, record, head, config, mask, tests);

        var walk = walking.GetAwaiter().GetResult();
        report.Merge(commits);
        ValidationCheck.Run(repository, record, walk.HeadTree, report);
        report.Merge(tests);
        PolicyCheck.Run(walk.BaseConfig, walk.HeadConfig, found.MergeBase, report);
        EvidenceHistory.Report(record, history.GetAwaiter().GetResult(), report);
        if (request.ProveRed)
        {
            TestRerun.AtBase(repository, record, found.MergeBase, config, mask, report);
        }

        return report.ToReply();
    }

    private static void WarmUp()
    {
        _ = System.Security.Cryptography.SHA256.HashData(ReadOnlySpan<byte>.Empty);
#pragma warning disable CA5350 // git's object ids are SHA-1; nothing here is a security measure.
        _ = System.Security.Cryptography.SHA1.HashData(ReadOnlySpan<byte>.Empty);
#pragma warning restore CA5350
        _ = Dialtone.Records.RecordCodec.Parse("{\"format\":2,\"ticket\":\"warm-up\",\"attestations\":[]}"u8.ToArray());
    }

    /// <summary>HEAD's config (the work tree is clean, so the file is HEAD's); an unreadable one fails and the tests run with the defaults.</summary>
    private static DialtoneConfig Config(GitRepository repository, string mergeBase, VerifyReport report)
    {
        try
        {
            return DialtoneConfig.Load(repository.TopLevel);
        }
        catch (DialtoneError error)
        {
            var restore = $"git checkout {VerifyReport.Short(mergeBase)} -- {DialtoneConfig.RelativePath}";
            report.Add(VerifyCheck.Fail("config", $"config: {error.Message} The tests run with the default settings.", $"restore a config that reads ({restore}) and commit it.", restore));
            return new DialtoneConfig();
        }
    }

    private static void Summarize(VerifyRequest request, VerifyReport report, Reply? reply)
    {
        if (request.SummaryFile is not { } file)
        {
            return;
        }

        try
        {
            File.AppendAllText(file, VerifySummary.Render(report));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The verdict stands; the summary is a courtesy for the reviewer.
            reply?.Add(Tag.Warn, $"Could not append the summary to {file}: {error.Message}");
        }
    }
}
