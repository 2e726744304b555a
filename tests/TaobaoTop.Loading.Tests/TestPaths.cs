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

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
