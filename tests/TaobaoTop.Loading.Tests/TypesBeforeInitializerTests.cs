using System.Reflection;
using TaobaoTop.Loading;
using Xunit;

namespace TaobaoTop.Loading.Tests;

/// <summary>
/// Import-Module loads every public type of TaobaoTop.dll (to find cmdlets and the initializer) before the initializer
/// runs, and loading a type needs what it derives from, implements, and holds in its fields (an enum field's size, for
/// one); so none of that may live in dependencies/, where only the initializer finds it. Read here as .NET Framework
/// 4.7.2 would, with Windows PowerShell's engine API. (Fields are checked whatever their kind: stricter than the
/// runtime, which needs only value types, but a field's kind is not known without its assembly.)
/// </summary>
public sealed class TypesBeforeInitializerTests
{
    [Fact]
    public void Every_public_type_of_the_root_module_loads_from_the_module_folder_alone()
    {
        var beside = Directory.GetFiles(TestPaths.ModuleFolder, "*.dll");
        var framework = Directory.GetFiles(TestPaths.Net472ReferencePack, "*.dll")
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.Net472ReferencePack, "Facades"), "*.dll"));
        using var context = new MetadataLoadContext(new PathAssemblyResolver(beside.Concat(framework).Append(TestPaths.PowerShellStandardEngine)), "mscorlib");
        Assert.True(Directory.Exists(ModuleLoading.DependencyFolder(TestPaths.ModuleFolder)));

        var module = context.LoadFromAssemblyPath(Path.Combine(TestPaths.ModuleFolder, "TaobaoTop.dll"));
        var failures = new List<string>();
        foreach (var type in module.GetExportedTypes())
        {
            try
            {
                for (var t = type; t != null; t = t.BaseType)
                {
                    _ = t.GetInterfaces();
                    foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                        _ = field.FieldType.IsValueType;
                }
            }
            catch (FileNotFoundException ex)
            {
                failures.Add(type.FullName + ": " + ex.Message);
            }
        }

        Assert.True(failures.Count == 0, "needs an assembly from dependencies/ before the initializer runs:\n" + string.Join("\n", failures));
        Assert.Contains(module.GetExportedTypes(), t => t.Name == nameof(ModuleInitializer));
    }
}
