using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using TaobaoTop.Loading;
using Xunit;

namespace TaobaoTop.Loading.Tests;

/// <summary>
/// .NET Framework binds a strong-named reference to exactly the version it names, looks for files only beside the
/// assembly that asks, and powershell.exe has no binding redirects for modules. Every reference in the laid-out module
/// must therefore be met by a file of that exact version beside it, or by .NET Framework 4.7.2 itself, or by the
/// module's resolver: its rule, hooked by a public IModuleAssemblyInitializer in TaobaoTop.dll that Import-Module runs.
/// </summary>
public sealed class StaticReferenceTests
{
    [Fact]
    public void EveryStrongNamedReferenceBindsOnNetFramework472()
    {
        var shipped = ShippedAssembly.InFolder(TestPaths.ModuleFolder);
        Assert.Contains(shipped, a => a.Name.Name == "TaobaoTop");
        var framework = ShippedAssembly.InFolder(TestPaths.Net472ReferencePack)
            .GroupBy(a => a.Name.Name!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Name.Version!).ToList(), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("mscorlib", framework.Keys);

        var resolver = HooksAnInitializer(shipped.Single(a => a.Name.Name == "TaobaoTop").Path)
            ? new DependencyResolver(ModuleLoading.DependencyFolder(TestPaths.ModuleFolder))
            : null;

        var findings = new List<string>();
        // TaobaoTop.LoadContext (net8.0) is loaded only on PowerShell 7.
        foreach (var assembly in shipped.Where(a => a.TargetFramework?.StartsWith(".NETCoreApp", StringComparison.Ordinal) != true))
        {
            foreach (var reference in assembly.References)
            {
                var candidates = shipped.Where(s => string.Equals(s.Name.Name, reference.Name, StringComparison.OrdinalIgnoreCase)).ToList();
                var strongNamed = ShippedAssembly.Token(reference).Length > 0;
                // Simple names bind by name alone.
                if (candidates.Any(c => c.Folder == assembly.Folder
                    && (!strongNamed || (c.Name.Version == reference.Version && ShippedAssembly.Token(c.Name) == ShippedAssembly.Token(reference))))) continue;
                if (framework.TryGetValue(reference.Name!, out var versions) && versions.Contains(reference.Version!)) continue;
                if (IsWindowsPowerShellEngine(reference)) continue;
                if (resolver?.PathFor(reference) is { } answer && candidates.Any(c => c.Path == answer)) continue;
                var what = candidates.Count == 0
                    ? "neither shipped nor in .NET Framework 4.7.2"
                    : "shipped " + string.Join(", ", candidates.Select(c => c.Name.Version));
                findings.Add($"{Describe(assembly.Name)} → {Describe(reference)} ({what})");
            }
        }

        Assert.True(findings.Count == 0, findings.Count + " references would not bind on .NET Framework:\n" + string.Join("\n", findings.Distinct()));
    }

    /// <summary>Whether the assembly declares a public class that implements IModuleAssemblyInitializer (read, not loaded).</summary>
    private static bool HooksAnInitializer(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public) continue;
            foreach (var implementation in type.GetInterfaceImplementations())
            {
                var iface = reader.GetInterfaceImplementation(implementation).Interface;
                if (iface.Kind != HandleKind.TypeReference) continue;
                var reference = reader.GetTypeReference((TypeReferenceHandle)iface);
                if (reader.GetString(reference.Namespace) == "System.Management.Automation"
                    && reader.GetString(reference.Name) == "IModuleAssemblyInitializer") return true;
            }
        }
        return false;
    }

    /// <summary>Windows PowerShell 5.1 loads its engine (System.Management.Automation 3.0.0.0, from the GAC) before us.</summary>
    private static bool IsWindowsPowerShellEngine(AssemblyName reference) =>
        reference.Name == "System.Management.Automation" && reference.Version == new Version(3, 0, 0, 0)
        && ShippedAssembly.Token(reference) == "31bf3856ad364e35";

    private static string Describe(AssemblyName name) => name.Name + " " + name.Version;
}
