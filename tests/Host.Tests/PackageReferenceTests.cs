using System.Reflection;
using System.Xml.Linq;

namespace Evaluation.Host.Tests;

/// <summary>
/// Every package a src project references is used by its code: the compiler records a reference to
/// an assembly only when the code uses one of its types, so an unused package leaves none.
/// </summary>
public sealed class PackageReferenceTests
{
    /// <summary>Packages used by tools, not by code: EF Core's design-time services serve <c>dotnet ef</c>.</summary>
    private static readonly HashSet<string> Tooling = ["Microsoft.EntityFrameworkCore.Design"];

    /// <summary>A package's assemblies, where their names differ from the package's.</summary>
    private static readonly Dictionary<string, string> AssemblyPrefix = new() { ["Parquet.Net"] = "Parquet" };

    public static TheoryData<string, string> References()
    {
        var data = new TheoryData<string, string>();
        foreach (var project in Directory.GetFiles(Path.Combine(Root(), "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var name = Path.GetFileNameWithoutExtension(project);
            foreach (var package in XDocument.Load(project).Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!))
            {
                if (!Tooling.Contains(package))
                {
                    data.Add(name, package);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(References))]
    public void PackageReference_IsUsedByTheProjectsCode(string project, string package)
    {
        var assembly = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, project == "Evaluation.Host" ? "evaluation.dll" : project + ".dll"));
        var prefix = AssemblyPrefix.GetValueOrDefault(package, package);

        var used = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.True(used.Any(a => a == prefix || a.StartsWith(prefix + ".", StringComparison.Ordinal)),
            $"{project} references the package {package} but its code uses none of its assemblies (it uses {string.Join(", ", used.Order())}); remove the reference.");
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Evaluation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Evaluation.sln not found above " + AppContext.BaseDirectory);
    }
}
