using System.Diagnostics;
using System.Text;
using Dialtone.Cli.Tests.Loop;
using Dialtone.Tests;

namespace Dialtone.Cli.Tests.Grants;

/// <summary>
/// A repository with a ticket started and a `stripe-sandbox` scope whose mint script (written by the
/// test) prints a secret only the test knows and whose revoke script appends to a marker file.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GrantRepo : IDisposable
{
    public const string Scope = "stripe-sandbox";
    public const string Variable = "STRIPE_API_KEY";
    public const string Redacted = "<redacted:STRIPE_API_KEY>";

    public GrantRepo(string maxDuration = "1h", string grace = "1s", string? mintBody = null, bool revoke = true)
    {
        Repo = new TempRepo();
        Secret = "sk_test_" + Guid.NewGuid().ToString("N");
        Outside = Repo.Sibling("outside");
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "secret"), Secret);
        Script("tools/mint.sh", mintBody ?? $"""
            echo "$DIALTONE_GRANT_ID $DIALTONE_GRANT_SCOPE $DIALTONE_GRANT_ENV $DIALTONE_GRANT_TICKET $DIALTONE_GRANT_DURATION_SECONDS" >> {Story.Quote(Path.Combine(Outside, "minted"))}
            cat {Story.Quote(Path.Combine(Outside, "secret"))}; echo
            """);
        Script("tools/revoke.sh", $"""
            echo "$DIALTONE_GRANT_ID $DIALTONE_GRANT_REASON $DIALTONE_GRANT_FINGERPRINT" >> {Story.Quote(RevokedFile)}
            """);
        var revokeSetting = revoke ? "\"revoke\": \"tools/revoke.sh\", " : "";
        Story.WriteConfig(Repo, $$"""
            {
              "grants": {
                "{{Scope}}": { "env": "{{Variable}}", "mint": "tools/mint.sh", {{revokeSetting}}"maxDuration": "{{maxDuration}}", "grace": "{{grace}}" }
              }
            }
            """);
        Repo.Commit("grant tools");
        Story.Ok(Repo, "ticket", "start", "demo");
    }

    public TempRepo Repo { get; }

    public string Secret { get; }

    /// <summary>A directory outside the repository for files the commands write (so they never touch the work tree).</summary>
    public string Outside { get; }

    public string RevokedFile => Path.Combine(Outside, "revoked");

    public string StoreDirectory => Path.Combine(Repo.Path_, ".git", "dialtone");

    public string[] Revoked => File.Exists(RevokedFile) ? File.ReadAllLines(RevokedFile) : [];

    public string[] Minted => File.Exists(Path.Combine(Outside, "minted")) ? File.ReadAllLines(Path.Combine(Outside, "minted")) : [];

    public string Script(string relative, string body)
    {
        var path = Repo.Write(relative, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    public CliResult Run(params string[] args) => Cli.Run(Repo.Path_, args);

    /// <summary>`ticket grant --scope stripe-sandbox --duration d -- cmd…`.</summary>
    public CliResult Grant(string duration, params string[] command) =>
        Run(["ticket", "grant", "--scope", Scope, "--duration", duration, "--", .. command]);

    /// <summary>The CLI started but not awaited, for signals and concurrent revokes.</summary>
    public RunningCli Start(params string[] args) => new(Repo.Path_, args);

    /// <summary>Every file of the store directory as bytes (the DuckDB file, its WAL, the key, the revoke log).</summary>
    public IEnumerable<(string File, byte[] Bytes)> StoreFiles() =>
        Directory.EnumerateFiles(StoreDirectory).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)));

    /// <summary>The forms of the secret a leak would take: raw, base64 and UTF-16 (DuckDB stores UTF-8, but be thorough).</summary>
    public IEnumerable<byte[]> LeakForms()
    {
        yield return Encoding.UTF8.GetBytes(Secret);
        yield return Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)));
        yield return Encoding.Unicode.GetBytes(Secret);
        yield return Encoding.UTF8.GetBytes(Secret[8..]);
    }

    public void AssertNoLeak(string what, byte[] bytes)
    {
        foreach (var form in LeakForms())
        {
            Assert.True(bytes.AsSpan().IndexOf(form) < 0, $"{what} contains the secret ({Encoding.UTF8.GetString(form)})");
        }
    }

    public void AssertNoLeak(string what, string text) => AssertNoLeak(what, Encoding.UTF8.GetBytes(text));

    /// <summary>Polls for a condition the CLI brings about in the background (a detached revoke).</summary>
    public static async Task<bool> Eventually(Func<bool> condition, double seconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    public void Dispose() => Repo.Dispose();
}
