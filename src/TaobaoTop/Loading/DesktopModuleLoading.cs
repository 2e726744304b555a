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
            if (DependencyResolver.IsNeeded) DependencyResolver.Register(moduleFolder);
        }

        public static void Stop() => DependencyResolver.Unregister();
    }
}
