using System;
using System.Net;
using System.Runtime.CompilerServices;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// .NET Framework's HttpClientHandler runs on HttpWebRequest, which takes its limits from the gateway's
    /// ServicePoint: two connections per host outside ASP.NET (half an order sync's or a listing's speed), an
    /// "Expect: 100-continue" round trip before every POST, and TLS 1.2 only where the machine enabled it.
    /// .NET has none of this, so nothing changes there.
    /// </summary>
    internal static class NetFrameworkHttp
    {
        /// <summary>The highest -ThrottleLimit a cmdlet accepts (Add-TaobaoItem); .NET sets no per-host limit at all.</summary>
        public const int ConnectionsPerHost = 256;

        // The runtime lacks AssemblyLoadContext: .NET Framework, or Mono (which has the same HttpWebRequest stack).
        private static readonly bool IsNetFramework = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") is null;

        // SecurityProtocolType.SystemDefault is 0; netstandard2.0 has no name for it.
        private const SecurityProtocolType SystemDefault = 0;

        public static void Prepare(Uri endpoint)
        {
            if (IsNetFramework) PrepareServicePoint(endpoint);
        }

        // A method of its own: compiling ServicePointManager's uses loads System.Net.Requests, which .NET never needs.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void PrepareServicePoint(Uri endpoint)
        {
            // SystemDefault (0) lets Windows choose, TLS 1.2 included; adding a flag to it would pin that one version.
            var protocols = ServicePointManager.SecurityProtocol;
            if (protocols != SystemDefault && (protocols & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol = protocols | SecurityProtocolType.Tls12;
            }
            var point = ServicePointManager.FindServicePoint(endpoint);
            if (point.ConnectionLimit < ConnectionsPerHost) point.ConnectionLimit = ConnectionsPerHost;
            point.Expect100Continue = false;
        }
    }
}
