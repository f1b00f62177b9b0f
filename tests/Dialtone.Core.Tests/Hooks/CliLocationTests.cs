using Dialtone.Core.UseCases.Hooks;

namespace Dialtone.Core.Tests.Hooks;

public sealed class CliLocationTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("dialtone-cli-location-").FullName;

    [Fact]
    public void DotnetHost_HasNoPathToRecord()
    {
        Assert.Null(CliLocation.Detect(null));
        Assert.Null(CliLocation.Detect("/usr/share/dotnet/dotnet"));
    }

    [Fact]
    public void AnInstalledBinary_IsItself()
    {
        Assert.Equal("/opt/tools/dialtone", CliLocation.Detect("/opt/tools/dialtone"));
    }

    [Fact]
    public void TheBinaryDialtoneShBuilt_IsCalledThroughDialtoneSh()
    {
        var binary = Path.Combine(root, ".build", "cli", "dialtone");
        Assert.Equal(binary, CliLocation.Detect(binary));

        File.WriteAllText(Path.Combine(root, "dialtone.sh"), "#!/bin/sh\n");
        Assert.Equal(Path.Combine(root, "dialtone.sh"), CliLocation.Detect(binary));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
