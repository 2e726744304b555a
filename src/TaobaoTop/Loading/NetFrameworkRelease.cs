using System;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace TaobaoTop.Loading
{
    /// <summary>
    /// Which .NET Framework 4.x Windows has, by the registry's Release value. Windows PowerShell 5.1 does not enforce the
    /// manifest's DotNetFrameworkVersion, and netstandard2.0 assemblies need 4.7.2 (older ones load, then fail later).
    /// </summary>
    public static class NetFrameworkRelease
    {
        /// <summary>The Release value of .NET Framework 4.7.2 (461808 on Windows 10 April 2018 Update and later, 461814 elsewhere).</summary>
        public const int Minimum = 461808;

        /// <summary>Why the module cannot run on this release, or null when it can (or when there is no release to read).</summary>
        public static string? Problem(int? release)
        {
            if (release is null || release >= Minimum) return null;
            // Read with mscorlib alone: on the old .NET Framework this refuses, the module's cached texts (ValueTuple
            // keys, TaobaoTop.Core) may not load.
            var text = new ResourceManager("TaobaoTop.Resources.Messages", typeof(NetFrameworkRelease).Assembly).GetString("NetFrameworkTooOld", CultureInfo.CurrentUICulture);
            return string.Format(CultureInfo.CurrentCulture, text ?? "NetFrameworkTooOld", release);
        }

        /// <summary>
        /// HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full\Release on Windows; null elsewhere. Through
        /// reflection, as netstandard2.0 has no registry API (.NET Framework has it in mscorlib).
        /// </summary>
        public static int? Read()
        {
            if (Environment.OSVersion.Platform != PlatformID.Win32NT) return null;
            var registry = typeof(object).Assembly.GetType("Microsoft.Win32.Registry");
            var machine = registry?.GetField("LocalMachine", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            var key = machine?.GetType().GetMethod("OpenSubKey", new[] { typeof(string) })?.Invoke(machine, new object[] { @"SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full" });
            if (key is null) return null;
            using ((IDisposable)key)
            {
                return key.GetType().GetMethod("GetValue", new[] { typeof(string) })?.Invoke(key, new object[] { "Release" }) as int?;
            }
        }
    }
}
