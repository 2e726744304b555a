using System;
using System.IO;
using System.Reflection;

namespace TaobaoTop.Loading
{
    /// <summary>
    /// What importing the module does to the runtime, without PowerShell: <see cref="ModuleInitializer"/> calls it, and
    /// so does a host that cannot load the engine (the .NET Framework lane under Mono).
    /// </summary>
    public static class ModuleLoading
    {
        /// <summary>The third-party assemblies ship here; the module's own ones beside TaobaoTop.dll.</summary>
        public static string DependencyFolder(string moduleFolder) => Path.Combine(moduleFolder, "dependencies");

        public static void Start(string moduleFolder)
        {
            if (DependencyResolver.IsNeeded) Start(moduleFolder, NetFrameworkRelease.Read());
            else LoadContext(moduleFolder, "Install", DependencyFolder(moduleFolder));
        }

        public static void Stop(string moduleFolder)
        {
            if (DependencyResolver.IsNeeded) DependencyResolver.Unregister();
            else LoadContext(moduleFolder, "Uninstall");
        }

        internal static void Start(string moduleFolder, int? netFrameworkRelease)
        {
            // Refused before anything is hooked: Import-Module reports this one message and the session stays clean.
            var problem = NetFrameworkRelease.Problem(netFrameworkRelease);
            if (problem != null) throw new PlatformNotSupportedException(problem);
            DependencyResolver.Register(DependencyFolder(moduleFolder));
        }

        /// <summary>PowerShell 7: TaobaoTop.LoadContext.dll (net8.0) names AssemblyLoadContext, which netstandard2.0 cannot.</summary>
        private static void LoadContext(string moduleFolder, string method, params object[] arguments)
        {
            var loader = Assembly.LoadFrom(Path.Combine(moduleFolder, "TaobaoTop.LoadContext.dll"));
            loader.GetType("TaobaoTop.LoadContext.ModuleLoadContext", throwOnError: true)!
                .GetMethod(method, BindingFlags.Public | BindingFlags.Static)!
                .Invoke(null, arguments);
        }
    }
}
