using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TaobaoTop.Loading.Tests;

/// <summary>One assembly file as metadata: its identity and what it references. Nothing is loaded.</summary>
internal sealed record ShippedAssembly(string Path, AssemblyName Name, IReadOnlyList<AssemblyName> References, string? TargetFramework)
{
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    public static ShippedAssembly Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var name = reader.GetAssemblyDefinition().GetAssemblyName();
        var references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList();
        return new ShippedAssembly(path, name, references, TargetFrameworkOf(reader));
    }

    /// <summary>Every managed assembly in a folder and its subfolders (resource satellites included).</summary>
    public static List<ShippedAssembly> InFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories)
            .Where(IsAssembly)
            .Select(Read)
            .ToList();

    private static bool IsAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
    }

    /// <summary>The TargetFrameworkAttribute's value, e.g. ".NETCoreApp,Version=v8.0" or ".NETStandard,Version=v2.0".</summary>
    private static string? TargetFrameworkOf(MetadataReader reader)
    {
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference) continue;
            if (reader.GetString(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "TargetFrameworkAttribute") continue;
            var blob = reader.GetBlobReader(attribute.Value);
            blob.ReadUInt16(); // prolog
            return blob.ReadSerializedString();
        }
        return null;
    }

    public static string Token(AssemblyName name) => Convert.ToHexString(name.GetPublicKeyToken() ?? []).ToLowerInvariant();
}
