using Dialtone.Core.Grants;

namespace Dialtone.Core.Tests.Grants;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CommandLocatorTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dialtone-locator-").FullName;

    [Fact]
    public void NamesAreLookedUpOnPath_PathsRelativeToTheWorkingDirectory()
    {
        var tool = Path.Combine(directory, "bin", "tool");
        Directory.CreateDirectory(Path.GetDirectoryName(tool)!);
        File.WriteAllText(tool, "#!/bin/sh\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal(tool, CommandLocator.Find("tool", "/", $"/nonexistent:{Path.GetDirectoryName(tool)}", out _));
        Assert.Equal(tool, CommandLocator.Find("bin/tool", directory, "", out _));
        Assert.Equal(tool, CommandLocator.Find("./bin/tool", directory, "", out _));
    }

    [Fact]
    public void MissingOrNotExecutable_SaysWhy()
    {
        var plain = Path.Combine(directory, "plain.sh");
        File.WriteAllText(plain, "echo\n");
        File.SetUnixFileMode(plain, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Null(CommandLocator.Find("no-such-tool-here", directory, "/usr/bin:/bin", out var missing));
        Assert.Contains("was not found on PATH", missing, StringComparison.Ordinal);
        Assert.Null(CommandLocator.Find("./plain.sh", directory, "", out var notExecutable));
        Assert.Contains("is not executable", notExecutable, StringComparison.Ordinal);
        Assert.Null(CommandLocator.Find("./gone.sh", directory, "", out var gone));
        Assert.Contains("does not exist", gone, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
