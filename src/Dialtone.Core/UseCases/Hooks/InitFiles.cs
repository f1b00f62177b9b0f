using System.Globalization;
using Dialtone.Core.Config;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>The files `dialtone init` writes besides the hooks: the commented default config and the .gitignore entry.</summary>
public static class InitFiles
{
    /// <summary>Temp files of atomic record writes (.&lt;ticket&gt;.json.&lt;pid&gt;.tmp): never to be committed.</summary>
    public const string IgnoreEntry = ".dialtone/tickets/.*.tmp";

    /// <summary>Appends the entry unless a line already says it; true when the file changed.</summary>
    public static bool EnsureIgnored(string path)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        if (existing.Split('\n').Any(line => line.Trim() == IgnoreEntry))
        {
            return false;
        }

        var separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        File.AppendAllText(path, $"{separator}# Dialtone: temp files of atomic ticket-record writes\n{IgnoreEntry}\n");
        return true;
    }

    /// <summary>Every setting with its default, so the file documents itself; comments are allowed in it.</summary>
    public static string DefaultConfig()
    {
        var d = new DialtoneConfig();
        string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        return $$"""
            // Dialtone configuration. Committed with the repository; comments and trailing commas are allowed.
            // Every key is optional: the values below are the defaults.
            {
              "summary": {
                // A working summary older than this blocks `ticket next`; 0 turns the check off.
                "maxAgeMinutes": {{N(d.SummaryMaxAgeMinutes)}}
              },
              "test": {
                // A subtask's test command is stopped after this many seconds.
                "timeoutSeconds": {{N(d.TestTimeoutSeconds)}},
                // Output lines shown after a run (the whole output is kept in the store).
                "tailLines": {{d.TestTailLines}}
              },
              "subtask": {
                // A subtask in progress for longer than this earns a [WARN] suggesting a split.
                "maxMinutes": {{N(d.SubtaskMaxMinutes)}}
              }
            }

            """;
    }
}
