// The load driver of bench/concurrency.sh, a .NET 10 file-based app (`dotnet run Load.cs -- …`).
//
// Why C# and not a bash loop: Stopwatch is a monotonic clock read in-process, so a sample costs no
// fork (`date +%s%N` forks and reads the wall clock, which NTP may step); and one driver can release
// every worker at the same instant, so the first commands really collide. The driver itself is idle
// while the children run: it only waits on them.
//
//   Load.cs --bin <dialtone> --ops <M> --out <file.tsv> --worker <dir> [--worker <dir> …]
//
// Worker w runs M commands as `<bin> -C <dir_w> …`, kinds round-robin (log, subtask add, ask --fyi,
// summary update), starting at kind w % 4 so that every kind is in flight at every moment. Each
// command's text or name is unique (w, op), so the caller can check afterwards that every
// acknowledged write (exit 0) is in the store. One TSV row per command:
//   worker  op  kind  key  start_ms  latency_ms  exit  first [FAIL]/[BLOCK] line (failures only)
using System.Diagnostics;
using System.Globalization;
using System.Text;

string? bin = null, output = null;
var ops = 0;
var dirs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--bin": bin = args[++i]; break;
        case "--ops": ops = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--out": output = args[++i]; break;
        case "--worker": dirs.Add(args[++i]); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
if (bin is null || output is null || ops <= 0 || dirs.Count == 0)
{
    Console.Error.WriteLine("usage: Load.cs --bin <dialtone> --ops <M> --out <file.tsv> --worker <dir> [--worker <dir> …]");
    return 2;
}

string[] kinds = ["log", "subtask", "ask", "summary"];
var rows = new List<string>[dirs.Count];
using var start = new Barrier(dirs.Count + 1);
var origin = 0L;
var threads = new List<Thread>();
for (var w = 0; w < dirs.Count; w++)
{
    var worker = w;
    rows[worker] = new List<string>(ops);
    var thread = new Thread(() =>
    {
        start.SignalAndWait();
        for (var op = 0; op < ops; op++)
        {
            var kind = kinds[(worker + op) % kinds.Length];
            var (key, command) = Command(kind, worker, op);
            var psi = new ProcessStartInfo(bin) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("-C");
            psi.ArgumentList.Add(dirs[worker]);
            foreach (var a in command)
            {
                psi.ArgumentList.Add(a);
            }

            var began = Stopwatch.GetTimestamp();
            string stdout, stderr;
            int exit;
            using (var process = Process.Start(psi)!)
            {
                var errTask = process.StandardError.ReadToEndAsync();
                stdout = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                stderr = errTask.Result;
                exit = process.ExitCode;
            }
            var ended = Stopwatch.GetTimestamp();
            var message = exit == 0 ? "" : FirstFailure(stdout, stderr);
            rows[worker].Add(string.Join('\t',
                worker.ToString(CultureInfo.InvariantCulture), op.ToString(CultureInfo.InvariantCulture), kind, key,
                Ms(began - origin), Ms(ended - began), exit.ToString(CultureInfo.InvariantCulture), message));
        }
    }) { IsBackground = true };
    thread.Start();
    threads.Add(thread);
}
origin = Stopwatch.GetTimestamp();
start.SignalAndWait();
foreach (var thread in threads)
{
    thread.Join();
}

var wall = Stopwatch.GetElapsedTime(origin);

var text = new StringBuilder();
foreach (var list in rows)
{
    foreach (var row in list)
    {
        text.Append(row).Append('\n');
    }
}
File.WriteAllText(output, text.ToString());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall_ms\t{wall.TotalMilliseconds:0.###}"));
return 0;

static (string Key, string[] Args) Command(string kind, int w, int op) => kind switch
{
    "log" => ($"w{w} op{op}: a note under contention", ["ticket", "log", $"w{w} op{op}: a note under contention"]),
    "subtask" => ($"w{w}-op{op}", ["ticket", "subtask", "add", $"w{w}-op{op}", "--desc", $"Step {op} of worker {w}", "--condition", "the command exits 0", "--test", "true"]),
    "ask" => ($"w{w} op{op}: is this question kept?", ["ticket", "ask", "--fyi", $"w{w} op{op}: is this question kept?"]),
    _ => ($"w{w} op{op}: the parser is done; next comes the writer.", ["ticket", "summary", "update", $"w{w} op{op}: the parser is done; next comes the writer."]),
};

// The line that says why: a [FAIL] or [BLOCK] line (exit 2 and 3 are [FAIL], 1 is [BLOCK]), else stderr, flattened.
static string FirstFailure(string stdout, string stderr)
{
    var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("[FAIL]", StringComparison.Ordinal) || l.StartsWith("[BLOCK]", StringComparison.Ordinal))
        ?? stderr.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)
        ?? stdout.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)
        ?? "";
    return line.Replace('\t', ' ').Replace('\r', ' ').Trim();
}

static string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency).ToString("0.###", CultureInfo.InvariantCulture);
