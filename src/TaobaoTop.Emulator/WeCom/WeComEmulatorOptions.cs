using System;

namespace TaobaoTop.Emulator.WeCom
{
    /// <summary>The demo corp the WeCom emulator knows; not the credentials of any real corp.</summary>
    public static class WeComDemo
    {
        public const string CorpId = "ww0000demo00corp";
        public const string CorpSecret = "taobaotop-wecom-demo-secret";

        /// <summary>The sales department (id 2) and its members, who follow the seeded customers.</summary>
        public const long SalesParty = 2;

        public static readonly string[] Members = { "sales01", "sales02", "sales03", "sales04", "sales05", "sales06" };
    }

    public sealed class WeComEmulatorOptions
    {
        /// <summary>Seeds the synthetic month of customers, so runs repeat.</summary>
        public int Seed { get; set; } = 42;

        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>How long an access token from gettoken is valid (WeCom: 7200 s).</summary>
        public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);

        /// <summary>Calls per clock minute allowed per API before 45009; 0 = unlimited (WeCom's base is 10,000/min per corp and API).</summary>
        public int CallsPerMinute { get; set; }
    }
}
