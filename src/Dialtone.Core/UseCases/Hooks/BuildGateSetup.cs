using System.Xml.Linq;

namespace Dialtone.Core.UseCases.Hooks;

/// <summary>
/// `dialtone init --build-gate`: adds the Dialtone.MSBuild package reference to the repository's
/// Directory.Build.props (creating it when missing), so every project builds through the gate.
/// </summary>
public static class BuildGateSetup
{
    public const string PackageId = "Dialtone.MSBuild";

    /// <summary>The version of the package this dialtone was built with.</summary>
    public const string PackageVersion = "0.1.0";

    public const string FileName = "Directory.Build.props";

    /// <summary>True when the file changed; false when it already references the package.</summary>
    public static bool Ensure(string topLevel)
    {
        var path = Path.Combine(topLevel, FileName);
        XDocument document;
        if (File.Exists(path))
        {
            try
            {
                document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
            }
            catch (System.Xml.XmlException ex)
            {
                throw DialtoneError.Usage($"{FileName} is not valid XML (line {ex.LineNumber}); the build gate was not added.", $"git diff -- {FileName}");
            }
        }
        else
        {
            document = new XDocument(new XElement("Project"));
        }

        var root = document.Root!;
        var ns = root.Name.Namespace;
        var existing = root.Descendants(ns + "PackageReference")
            .Any(e => string.Equals((string?)e.Attribute("Include"), PackageId, StringComparison.OrdinalIgnoreCase));
        if (existing)
        {
            return false;
        }

        root.Add(new XElement(
            ns + "ItemGroup",
            new XComment(" Dialtone's build gate: builds of unvalidated tickets fail (docs/build-gate.md in Dialtone). "),
            new XElement(ns + "PackageReference", new XAttribute("Include", PackageId), new XAttribute("Version", PackageVersion), new XAttribute("PrivateAssets", "all"))));
        File.WriteAllText(path, document.ToString() + "\n");
        return true;
    }
}
