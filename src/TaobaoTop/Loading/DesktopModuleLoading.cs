using System;

namespace TaobaoTop.Loading
{
    /// <summary>
    /// What importing the module does to the runtime, without PowerShell: a host that cannot load the engine
    /// (the Mono lane) calls this as Import-Module would call <see cref="ModuleInitializer"/>.
    /// </summary>
    public static class DesktopModuleLoading
    {
        public static void Start(string moduleFolder)
        {
            if (DependencyResolver.IsNeeded) Start(moduleFolder, NetFrameworkRelease.Read());
        }

        internal static void Start(string moduleFolder, int? netFrameworkRelease)
        {
            // Refused before anything is hooked: Import-Module reports this one message and the session stays clean.
            var problem = NetFrameworkRelease.Problem(netFrameworkRelease);
            if (problem != null) throw new PlatformNotSupportedException(problem);
            DependencyResolver.Register(moduleFolder);
        }

        public static void Stop() => DependencyResolver.Unregister();
    }
}
