using System.IO;
using System.Management.Automation;

namespace TaobaoTop.Loading
{
    /// <summary>
    /// Import-Module runs this before any cmdlet: it makes the module's dependencies bind on Windows PowerShell 5.1,
    /// and keeps them in a load context of their own on PowerShell 7.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => ModuleLoading.Start(ModuleFolder);

        public void OnRemove(PSModuleInfo psModuleInfo) => ModuleLoading.Stop(ModuleFolder);

        private static string ModuleFolder => Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
    }
}
