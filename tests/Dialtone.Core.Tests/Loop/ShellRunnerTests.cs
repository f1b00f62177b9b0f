using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dialtone.Core.Runs;

namespace Dialtone.Core.Tests.Loop;

/// <summary>
/// The shell that runs test commands: merged output in order, bounded but fully hashed, NUL-safe,
/// and a timeout that kills the command with everything it started.
/// </summary>
public sealed class ShellRunnerTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    private readonly string directory = Directory.CreateTempSubdirectory("dialtone-shell-").FullName;

    private ShellResult Run(string command, double timeoutSeconds = 30, IReadOnlyDictionary<string, string?>? environment = null) =>
        ShellRunner.Run(command, directory, TimeSpan.FromSeconds(timeoutSeconds), environment ?? NoEnvironment);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public void InterleavedStdoutAndStderr_KeepTheirOrder()
    {
        var result = Run("echo out1; echo err1 >&2; echo out2; echo err2 1>&2; printf 'out3\\n'");

        Assert.Equal("out1\nerr1\nout2\nerr2\nout3\n", result.Output);
        Assert.Equal(0, result.ExitCode);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public void ExitCode_WorkingDirectory_AndEnvironment_AreTheCommands()
    {
        var environment = new Dictionary<string, string?> { ["DIALTONE_SUBTASK"] = "parse-config" };

        var result = Run("pwd; echo \"$DIALTONE_SUBTASK\"; exit 7", environment: environment);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal($"{directory}\nparse-config\n", result.Output);
    }

    [Fact]
    public void MultiLineCommands_RunAsAScript()
    {
        var result = Run("set -e\nx=1\necho \"x=$x\"\nfalse\necho unreachable");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("x=1\n", result.Output);
    }

    [Fact]
    public void EmptyOutput_HasTheDigestOfNothing()
    {
        var result = Run("true");

        Assert.Equal("", result.Output);
        Assert.Equal(0, result.OutputBytes);
        Assert.Equal(Sha256([]), result.OutputDigest);
    }

    [Fact]
    public void OutputUnderTheBound_IsKeptWhole()
    {
        // ~190 KB: more than the head, less than head + tail, so the tail ring buffer holds the rest in order.
        var result = Run("seq 1 30000");

        var expected = string.Concat(Enumerable.Range(1, 30000).Select(i => i.ToString(CultureInfo.InvariantCulture) + "\n"));
        Assert.True(expected.Length > ShellRunner.HeadBytes && expected.Length < ShellRunner.HeadBytes + ShellRunner.TailBytes);
        Assert.Equal(expected.Length, result.OutputBytes);
        Assert.Equal(expected, result.Output);
        Assert.Equal(Sha256(Encoding.ASCII.GetBytes(expected)), result.OutputDigest);
    }

    [Fact]
    public void LargeOutput_IsBoundedToHeadAndTail_ButTheDigestCoversAllOfIt()
    {
        var result = Run("seq 1 400000");

        var expected = string.Concat(Enumerable.Range(1, 400000).Select(i => i.ToString(CultureInfo.InvariantCulture) + "\n"));
        var skipped = expected.Length - ShellRunner.HeadBytes - ShellRunner.TailBytes;
        Assert.True(skipped > 0);
        Assert.Equal(expected.Length, result.OutputBytes);
        Assert.Equal(Sha256(Encoding.ASCII.GetBytes(expected)), result.OutputDigest);
        Assert.Equal(
            expected[..ShellRunner.HeadBytes] + $"\n… {skipped} bytes of output not kept …\n" + expected[^ShellRunner.TailBytes..],
            result.Output);
    }

    [Fact]
    public void HugeOutput_StaysBounded()
    {
        // 40 MB of output: memory stays bounded, the count and digest are of everything.
        var result = Run("head -c 40000000 /dev/zero | tr '\\0' x; printf END");

        Assert.Equal(40_000_003, result.OutputBytes);
        Assert.True(result.Output.Length < ShellRunner.HeadBytes + ShellRunner.TailBytes + 100, $"kept {result.Output.Length} chars");
        Assert.StartsWith("xxxx", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("xxxEND", result.Output, StringComparison.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = Encoding.ASCII.GetBytes(new string('x', 1_000_000));
        for (var i = 0; i < 40; i++)
        {
            hash.AppendData(chunk);
        }

        hash.AppendData("END"u8);
        Assert.Equal(Convert.ToHexStringLower(hash.GetHashAndReset()), result.OutputDigest);
    }

    [Fact]
    public void NulBytes_AreKeptVisible_AndHashedAsTheyWere()
    {
        var result = Run("printf 'a\\000b\\000c'");

        Assert.Equal("a\uFFFDb\uFFFDc", result.Output);
        Assert.Equal(5, result.OutputBytes);
        Assert.Equal(Sha256("a\0b\0c"u8.ToArray()), result.OutputDigest);
        Assert.DoesNotContain('\0', result.Output);
    }

    [Fact]
    public void StdinIsClosed_SoACommandReadingItDoesNotHang()
    {
        // Reading an open stdin would block `cat` until the timeout kills it.
        var result = Run("cat; echo after", timeoutSeconds: 20);

        Assert.False(result.TimedOut);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("after\n", result.Output);
    }

    [Fact]
    public void ABackgroundChildThatOutlivesTheCommand_DoesNotHoldTheRun()
    {
        // The child outlives the timeout: a run that waited for it (or for the output pipe it holds) would time out.
        var result = Run("sleep 25 & echo started", timeoutSeconds: 15);

        Assert.Equal(0, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Equal("started\n", result.Output);
    }

    [Fact]
    public void Timeout_KillsTheCommandAndEverythingItStarted()
    {
        var pidFile = Path.Combine(directory, "child.pid");

        var result = Run($"echo started; sleep 60 & echo $! > '{pidFile}'; sh -c 'sleep 60'; echo never", timeoutSeconds: 1);

        Assert.True(result.TimedOut);
        Assert.Equal(-1, result.ExitCode);
        Assert.True(result.DurationMs >= 900, $"duration {result.DurationMs} ms");
        Assert.StartsWith("started\n", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("never", result.Output, StringComparison.Ordinal);

        var child = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        Assert.True(IsGone(child, TimeSpan.FromSeconds(5)), $"background child {child} is still running after the timeout");
    }

    /// <summary>True when the process is gone or a zombie (killed, waiting for a reaper) within the wait.</summary>
    private static bool IsGone(int pid, TimeSpan wait)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var stat = $"/proc/{pid}/stat";
            string? text = null;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                // Gone between the check and the read.
            }

            if (text is null)
            {
                return true;
            }

            // Format: pid (comm) state ...; comm may contain spaces, so read after the last ')'.
            var state = text[(text.LastIndexOf(')') + 2)..][0];
            if (state is 'Z' or 'X')
            {
                return true;
            }

            if (clock.Elapsed > wait)
            {
                return false;
            }

            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
