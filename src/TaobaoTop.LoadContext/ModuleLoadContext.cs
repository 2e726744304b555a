using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace TaobaoTop.LoadContext;

/// <summary>
/// The module's third-party dependencies (CsvHelper, MetadataExtractor, XmpCore, …, from dependencies/) in a load
/// context of their own, so another module's copy of one of them in the session's default context neither breaks
/// TaobaoTop nor is broken by it. The module's own assemblies stay in the default context, where PowerShell loads them.
/// Assemblies of the shared framework (System.Text.Json, System.Memory, …) stay shared: PowerShell and every module
/// get the same copy, which is the newest there is.
/// </summary>
public sealed class ModuleLoadContext : AssemblyLoadContext
{
    private static readonly object Gate = new();
    private static readonly string FrameworkFolder = RuntimeEnvironment.GetRuntimeDirectory();
    private static ModuleLoadContext? _context;

    private readonly string _dependencies;

    private ModuleLoadContext(string dependencies)
        : base("TaobaoTop")
    {
        _dependencies = dependencies;
    }

    /// <summary>Called on import: TaobaoTop.dll (in the default context) finds its dependencies here.</summary>
    public static void Install(string dependencies)
    {
        lock (Gate)
        {
            // One context per process: types already loaded from it stay valid across Remove-Module and re-import.
            _context ??= new ModuleLoadContext(dependencies);
            Default.Resolving -= ResolveForDefault;
            Default.Resolving += ResolveForDefault;
        }
    }

    /// <summary>Called on Remove-Module.</summary>
    public static void Uninstall()
    {
        lock (Gate) Default.Resolving -= ResolveForDefault;
    }

    protected override Assembly? Load(AssemblyName name) => FileFor(name) is { } path ? LoadFromAssemblyPath(path) : null;

    private static Assembly? ResolveForDefault(AssemblyLoadContext context, AssemblyName name) =>
        _context?.FileFor(name) is null ? null : _context.LoadFromAssemblyName(name);

    /// <summary>The module's own file for a name, or null for names it does not ship or the shared framework has.</summary>
    private string? FileFor(AssemblyName name)
    {
        if (name.Name is null) return null;
        var path = Path.Combine(_dependencies, name.Name + ".dll");
        if (!File.Exists(path) || File.Exists(Path.Combine(FrameworkFolder, name.Name + ".dll"))) return null;
        return path;
    }
}
