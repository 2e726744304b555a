using System;
using TaobaoTop.Base;
using TaobaoTop.Core;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;

namespace TaobaoTop.Connection
{
    /// <summary>A connection made by Connect-TaobaoTop: the client, its settings, and the emulator behind it if any.</summary>
    public sealed class TaobaoConnection : ServiceConnection<TopClient>
    {
        internal static readonly ConnectionStore<TaobaoConnection> Store = new ConnectionStore<TaobaoConnection>();

        internal TaobaoConnection(TopClient client, TopEmulator? emulator)
            : base(client, emulator)
        {
            Emulator = emulator;
        }

        internal TopEmulator? Emulator { get; }

        public string AppKey => Client.Options.AppKey;

        public Uri Endpoint => Client.Options.Endpoint;

        public TopSignMethod SignMethod => Client.Options.SignMethod;

        public bool HasSession => Client.Options.Session != null;

        public override string ToString() => AppKey + " @ " + (IsEmulator ? "emulator (in-process)" : Endpoint.ToString());
    }
}
