using TaobaoTop.Base;
using TaobaoTop.Core.WeCom;
using TaobaoTop.Emulator.WeCom;

namespace TaobaoTop.Connection
{
    /// <summary>A connection made by Connect-WeCom: the client with its cached token, and the emulator behind it if any.</summary>
    public sealed class WeComConnection : ServiceConnection<WeComClient, WeComEmulator>
    {
        internal WeComConnection(WeComClient client, WeComEmulator? emulator)
            : base(client, emulator, client.Options.Endpoint, "WeCom " + client.Options.CorpId)
        {
        }

        public string CorpId => Client.Options.CorpId;
    }
}
