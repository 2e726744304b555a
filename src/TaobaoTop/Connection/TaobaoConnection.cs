using TaobaoTop.Base;
using TaobaoTop.Core;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;

namespace TaobaoTop.Connection
{
    /// <summary>A connection made by Connect-TaobaoTop: the client, its settings, and the emulator behind it if any.</summary>
    public sealed class TaobaoConnection : ServiceConnection<TopClient, TopEmulator>
    {
        internal TaobaoConnection(TopClient client, TopEmulator? emulator)
            : base(client, emulator, client.Options.Endpoint, client.Options.AppKey)
        {
        }

        public string AppKey => Client.Options.AppKey;

        public TopSignMethod SignMethod => Client.Options.SignMethod;

        public bool HasSession => Client.Options.Session != null;
    }
}
