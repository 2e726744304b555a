using System;
using TaobaoTop.Core;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;

namespace TaobaoTop.Connection
{
    /// <summary>A connection made by Connect-TaobaoTop: the client, its settings, and the emulator behind it if any.</summary>
    public sealed class TaobaoConnection : IDisposable
    {
        internal TaobaoConnection(TopClient client, TopEmulator? emulator)
        {
            Client = client;
            Emulator = emulator;
            ConnectedAt = TopTime.ToTopZone(DateTimeOffset.UtcNow);
        }

        internal TopClient Client { get; }

        internal TopEmulator? Emulator { get; }

        public string AppKey => Client.Options.AppKey;

        public Uri Endpoint => Client.Options.Endpoint;

        public TopSignMethod SignMethod => Client.Options.SignMethod;

        public bool HasSession => Client.Options.Session != null;

        public bool IsEmulator => Emulator != null;

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>True once the connection was handed to the user (-PassThru, the context's Connection): it may still be used with -Connection.</summary>
        internal bool IsShared { get; private set; }

        internal TaobaoConnection Share()
        {
            IsShared = true;
            return this;
        }

        /// <summary>Releases the connection when it leaves the session, unless the user still holds it.</summary>
        internal void Release()
        {
            if (!IsShared) Dispose();
        }

        public void Dispose()
        {
            Client.Dispose();
            Emulator?.Dispose();
        }

        public override string ToString() => AppKey + " @ " + (IsEmulator ? "emulator (in-process)" : Endpoint.ToString());
    }
}
