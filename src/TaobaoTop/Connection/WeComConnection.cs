using System;
using TaobaoTop.Base;
using TaobaoTop.Core.WeCom;
using TaobaoTop.Emulator.WeCom;

namespace TaobaoTop.Connection
{
    /// <summary>A connection made by Connect-WeCom: the client with its cached token, and the emulator behind it if any.</summary>
    public sealed class WeComConnection : ServiceConnection<WeComClient>
    {
        /// <summary>The current WeCom connection of each runspace, apart from the Taobao one.</summary>
        internal static readonly ConnectionStore<WeComConnection> Store = new ConnectionStore<WeComConnection>();

        internal WeComConnection(WeComClient client, WeComEmulator? emulator)
            : base(client, emulator)
        {
            Emulator = emulator;
        }

        /// <summary>The in-process emulator (Connect-WeCom -Emulator), e.g. to simulate customers scanning a code; null otherwise.</summary>
        public WeComEmulator? Emulator { get; }

        public string CorpId => Client.Options.CorpId;

        public Uri Endpoint => Client.Options.Endpoint;

        public override string ToString() => "WeCom " + CorpId + " @ " + (IsEmulator ? "emulator (in-process)" : Endpoint.ToString());
    }
}
