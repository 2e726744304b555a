using System.Reflection;

namespace TaobaoTop.Loading.Tests;

internal static class TestPaths
{
    /// <summary>The module folder as `dotnet build` lays it out.</summary>
    public static string ModuleFolder => Path.GetFullPath(Metadata("ModuleFolder"));

    /// <summary>The .NET Framework 4.7.2 reference assemblies (Microsoft.NETFramework.ReferenceAssemblies.net472).</summary>
    public static string Net472ReferencePack => Path.GetFullPath(Metadata("Net472ReferencePack"));

    /// <summary>The net472 host of the .NET Framework lane.</summary>
    public static string DesktopLaneHost => Path.GetFullPath(Metadata("DesktopLaneHost"));

    /// <summary>The hosted PowerShell 7 engine of the isolation tests.</summary>
    public static string IsolationHost => Path.GetFullPath(Metadata("IsolationHost"));

    /// <summary>CsvHelper 15.0.1 (netstandard2.1), standing for another module's older copy.</summary>
    public static string OldCsvHelper => Path.GetFullPath(Metadata("OldCsvHelper"));

    /// <summary>PowerShell Standard's System.Management.Automation (the API of Windows PowerShell 5.1's engine).</summary>
    public static string PowerShellStandardEngine => Path.GetFullPath(Metadata("PowerShellStandardEngine"));

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
