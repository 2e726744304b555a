using System;

namespace TaobaoTop.Core
{
    public enum TopEnvironment
    {
        Production,
        Sandbox,
    }

    public static class TopEndpoints
    {
        public static readonly Uri Production = new Uri("https://eco.taobao.com/router/rest");

        /// <summary>The TOP sandbox gateway (gw.api.tbsandbox.com).</summary>
        public static readonly Uri Sandbox = new Uri("https://gw.api.tbsandbox.com/router/rest");

        public static Uri For(TopEnvironment environment)
            => environment == TopEnvironment.Sandbox ? Sandbox : Production;
    }
}
