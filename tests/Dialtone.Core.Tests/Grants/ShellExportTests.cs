using System.Diagnostics;
using Dialtone.Core.Grants;

namespace Dialtone.Core.Tests.Grants;

/// <summary>Export lines for eval read back byte for byte: checked through the real shells that are installed (bash, sh, dash), and by construction for fish and pwsh.</summary>
public sealed class ShellExportTests
{
    public static TheoryData<string, string> Values => new()
    {
        { "bash", "sk_test_plain123" },
        { "bash", "it's \"quoted\" $HOME `id` \\n \\ ; & | * ? ~ ! #" },
        { "bash", "tab\there ünïcødé ‘curly’" },
        { "bash", "'''" },
        { "sh", "it's $(id) ${X:-y} \\' \"" },
        { "dash", "ends with backslash \\" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task PosixLines_EvalToTheExactValue(string shell, string value)
    {
        var kind = shell == "bash" ? ExportShell.Bash : ExportShell.Sh;
        var script = ShellExport.Line(kind, "GRANTED_KEY", value) + "\nprintf '%s' \"$GRANTED_KEY\"\n";

        var info = new ProcessStartInfo(shell) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(value, output);
    }

    [Fact]
    public void Fish_EscapesBackslashAndQuote_Only()
    {
        Assert.Equal(@"set -gx KEY 'a\'b\\c $d ""e""'", ShellExport.Line(ExportShell.Fish, "KEY", @"a'b\c $d ""e"""));
    }

    [Fact]
    public void Pwsh_DoublesEveryKindOfSingleQuote()
    {
        Assert.Equal("$env:KEY = 'a''b‘‘c’’d $e `f \"g\"'", ShellExport.Line(ExportShell.Pwsh, "KEY", "a'b‘c’d $e `f \"g\""));
    }

    [Theory]
    [InlineData("/bin/bash", ExportShell.Bash)]
    [InlineData("/usr/bin/zsh", ExportShell.Zsh)]
    [InlineData("/usr/local/bin/fish", ExportShell.Fish)]
    [InlineData("/opt/microsoft/powershell/7/pwsh", ExportShell.Pwsh)]
    [InlineData("/bin/tcsh", ExportShell.Sh)]
    [InlineData(null, ExportShell.Sh)]
    public void TheDefault_FollowsShell(string? variable, ExportShell expected) =>
        Assert.Equal(expected, ShellExport.FromEnvironment(variable));

    [Fact]
    public void UnknownShells_AreNotGuessed() => Assert.Null(ShellExport.Parse("cmd.exe"));
}
