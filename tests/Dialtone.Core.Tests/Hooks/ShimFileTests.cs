using System.Diagnostics;
using Dialtone.Core.Hooks;

namespace Dialtone.Core.Tests.Hooks;

/// <summary>
/// The repository's hooks/ files are the shims install writes, byte for byte, so what reviewers read
/// is what runs. DIALTONE_UPDATE_SHIMS=1 rewrites them from HookShim after a deliberate change.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ShimFileTests
{
    private static readonly string[] BinDirectories = ["/bin", "/usr/bin"];

    [Theory]
    [MemberData(nameof(Hooks))]
    public void HooksDirectory_HoldsTheInstalledShim(string hook)
    {
        var path = Path.Combine(RepositoryRoot(), "hooks", hook);
        if (Environment.GetEnvironmentVariable("DIALTONE_UPDATE_SHIMS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, HookShim.Text(hook));
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with DIALTONE_UPDATE_SHIMS=1");
        Assert.Equal(HookShim.Text(hook), File.ReadAllText(path));
        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{path} is not executable");
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Shim_IsValidPosixSh(string hook)
    {
        foreach (var shell in new[] { "sh", "dash", "bash" })
        {
            var binary = BinDirectories.Select(d => Path.Combine(d, shell)).FirstOrDefault(File.Exists);
            if (binary is null)
            {
                continue;
            }

            var file = Path.GetTempFileName();
            try
            {
                File.WriteAllText(file, HookShim.Text(hook));
                var info = new ProcessStartInfo(binary, ["-n", file]) { RedirectStandardError = true };
                using var process = Process.Start(info)!;
                var errors = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"{shell} -n {hook}: {errors}");
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void Shim_IsRecognised_AndCarriesItsHookName()
    {
        var text = HookShim.Text("pre-commit");
        Assert.True(HookShim.IsShim(text));
        Assert.Contains("\nhook=pre-commit\n", text, StringComparison.Ordinal);
        Assert.False(HookShim.IsShim("#!/bin/sh\necho mine\n"));
        Assert.StartsWith("#!/bin/sh\n", text, StringComparison.Ordinal);
    }

    public static TheoryData<string> Hooks() => [.. HookShim.Names];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dialtone.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Dialtone.sln not found above the test binaries.");
    }
}
