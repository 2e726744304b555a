using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace TaobaoTop.DesktopLane.Host
{
    /// <summary>
    /// Loads the module folder the way Windows PowerShell 5.1 does, then runs the core end to end.
    /// Usage: host MODULE_FOLDER WORK_FOLDER [--without-initializer]
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var moduleFolder = Path.GetFullPath(args[0]);
            var work = Path.GetFullPath(args[1]);
            var initialize = Array.IndexOf(args, "--without-initializer") < 0;
            try
            {
                AppDomain.CurrentDomain.AssemblyResolve += (sender, e) => ExactVersionOnly(moduleFolder, new AssemblyName(e.Name));
                // Import-Module: the root module by path, then its initializer.
                var module = Assembly.LoadFrom(Path.Combine(moduleFolder, "TaobaoTop.dll"));
                if (initialize)
                {
                    // ModuleInitializer implements System.Management.Automation's IModuleAssemblyInitializer, and there
                    // is no engine for .NET Framework here to load: call the PowerShell-free entry it calls.
                    module.GetType("TaobaoTop.Loading.ModuleLoading", throwOnError: true)
                        .GetMethod("Start").Invoke(null, new object[] { moduleFolder });
                }
                RunLane(work);
                Console.WriteLine("lane passed");
                return 0;
            }
            catch (Exception ex)
            {
                Console.WriteLine("lane failed: " + ex);
                return 1;
            }
        }

        // A method of its own: the core's types bind when this is compiled, after the module is imported.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RunLane(string work) => Lane.Run(work, Console.WriteLine);

        /// <summary>
        /// powershell.exe's rule: an assembly already loaded, or a file of the module folder (what LoadFrom probing
        /// finds beside TaobaoTop.dll), only when it is exactly the version asked for; otherwise nothing.
        /// </summary>
        private static Assembly ExactVersionOnly(string moduleFolder, AssemblyName requested)
        {
            var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => Exactly(requested, a.GetName()));
            if (loaded != null) return loaded;
            var path = Path.Combine(moduleFolder, requested.Name + ".dll");
            return File.Exists(path) && Exactly(requested, AssemblyName.GetAssemblyName(path)) ? Assembly.LoadFrom(path) : null;
        }

        /// <summary>Simple names bind by name; strong names by name, version and public key token.</summary>
        private static bool Exactly(AssemblyName requested, AssemblyName candidate)
        {
            if (!string.Equals(requested.Name, candidate.Name, StringComparison.OrdinalIgnoreCase)) return false;
            var token = Hex(requested.GetPublicKeyToken());
            return token.Length == 0 || (requested.Version == candidate.Version && token == Hex(candidate.GetPublicKeyToken()));
        }

        // BitConverter, not SequenceEqual: C# 14 binds that to System.Memory, which the host must not need.
        private static string Hex(byte[] token) => token == null ? string.Empty : BitConverter.ToString(token);
    }
}
