using System.Diagnostics;
using System.Text;
using Dialtone.Cli.Tests.Loop;
using Dialtone.Core.Storage;
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

    /// <param name="runtimeDirectory">XDG_RUNTIME_DIR for the CLI; null runs it without one (the store directory holds the session files).</param>
    public GrantRepo(string maxDuration = "1h", string grace = "1s", string? mintBody = null, bool revoke = true, string? runtimeDirectory = null)
    {
        Repo = new TempRepo();
        RuntimeDirectory = runtimeDirectory;
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

    public string? RuntimeDirectory { get; }

    /// <summary>
    /// What every CLI run gets: the chosen runtime directory, and none of the test process's own grant
    /// variables (so what the CLI masks or passes on is what the test set up).
    /// </summary>
    public Dictionary<string, string?> Environment => new()
    {
        ["XDG_RUNTIME_DIR"] = RuntimeDirectory,
        [Variable] = null,
        ["DIALTONE_GRANT_ENV"] = null,
    };

    /// <summary>Where the session files are when the CLI runs without a runtime directory.</summary>
    public string SessionDirectory => Path.Combine(StoreDirectory, "grant-sessions");
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

    public CliResult Run(params string[] args) => Cli.Run(Repo.Path_, Environment, args);

    /// <summary>`ticket grant --scope stripe-sandbox --duration d -- cmd…`.</summary>
    public CliResult Grant(string duration, params string[] command) =>
        Run(["ticket", "grant", "--scope", Scope, "--duration", duration, "--", .. command]);

    /// <summary>The CLI started but not awaited, for signals and concurrent revokes.</summary>
    public RunningCli Start(params string[] args) => new(Repo.Path_, args, Environment);

    /// <summary>Every file of the store directory as bytes (the DuckDB file, its WAL, the key, the revoke log).</summary>
    public IEnumerable<(string File, byte[] Bytes)> StoreFiles() =>
        Directory.EnumerateFiles(StoreDirectory).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)));

    /// <summary>
    /// The forms of the secret a leak would take: raw, its random part alone, UTF-16 (DuckDB stores
    /// UTF-8, but be thorough), and base64 at each of the three alignments it can have inside a
    /// longer encoded value (the characters that depend on the secret's bytes alone).
    /// </summary>
    public IEnumerable<byte[]> LeakForms()
    {
        yield return Encoding.UTF8.GetBytes(Secret);
        yield return Encoding.UTF8.GetBytes(Secret[8..]);
        yield return Encoding.Unicode.GetBytes(Secret);
        var raw = Encoding.UTF8.GetBytes(Secret);
        for (var offset = 0; offset < 3; offset++)
        {
            var encoded = Convert.ToBase64String([.. new byte[offset], .. raw]);
            var first = ((8 * offset) + 5) / 6;
            var end = 8 * (offset + raw.Length) / 6;
            yield return Encoding.UTF8.GetBytes(encoded[first..end]);
        }
    }

    public void AssertNoLeak(string what, byte[] bytes)
    {
        foreach (var form in LeakForms())
        {
            Assert.True(bytes.AsSpan().IndexOf(form) < 0, $"{what} contains the secret ({Encoding.UTF8.GetString(form)})");
        }
    }

    public void AssertNoLeak(string what, string text) => AssertNoLeak(what, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Every text value of every table, queried (DuckDB may store a column compressed, so the file's
    /// bytes alone prove nothing about what a query would return).
    /// </summary>
    public List<(string Where, string Text)> StoreTexts()
    {
        var texts = new List<(string, string)>();
        using var store = Store.Open(StorePaths.ForCommonDir(Path.Combine(Repo.Path_, ".git")));
        var columns = new List<(string Table, string Column)>();
        using (var reader = store.Connection.Query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' AND data_type = 'VARCHAR' ORDER BY table_name, column_name"))
        {
            while (reader.Read())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(columns, c => c == ("runs", "output"));
        foreach (var (table, column) in columns)
        {
            using var reader = store.Connection.Query($"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL");
            while (reader.Read())
            {
                texts.Add(($"{table}.{column}", reader.GetString(0)));
            }
        }

        return texts;
    }

    /// <summary>
    /// The full-text search an auditor would run: the bytes of every file of the store directory (the
    /// DuckDB file, its WAL, the logs; the live session files excepted when <paramref name="sessionFilesMayHoldIt"/>),
    /// every text column, every record in the work tree, and every output given.
    /// </summary>
    public void AssertSecretNowhere(IEnumerable<CliResult> outputs, bool sessionFilesMayHoldIt = false)
    {
        foreach (var file in Directory.EnumerateFiles(StoreDirectory, "*", SearchOption.AllDirectories))
        {
            if (!(sessionFilesMayHoldIt && Path.GetFileName(Path.GetDirectoryName(file)) == "grant-sessions" && file.EndsWith(".grant", StringComparison.Ordinal)))
            {
                AssertNoLeak($"store file {Path.GetRelativePath(StoreDirectory, file)}", File.ReadAllBytes(file));
            }
        }

        foreach (var (where, text) in StoreTexts())
        {
            AssertNoLeak($"store column {where}", text);
        }

        foreach (var record in Directory.EnumerateFiles(Path.Combine(Repo.Path_, ".dialtone"), "*", SearchOption.AllDirectories))
        {
            AssertNoLeak($"record {Path.GetFileName(record)}", File.ReadAllBytes(record));
        }

        foreach (var (result, index) in outputs.Select((r, i) => (r, i)))
        {
            AssertNoLeak($"stdout of command {index}", result.StdOut);
            AssertNoLeak($"stderr of command {index}", result.StdErr);
        }
    }

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
