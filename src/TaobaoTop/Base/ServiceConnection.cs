using System;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Base
{
    /// <summary>
    /// A connection made by a Connect- cmdlet: the service client, and the in-process emulator behind it if any. The
    /// session's current connection is released when another replaces it, unless the user holds it (-PassThru, a
    /// context object): then it stays usable with -Connection until the user disposes it.
    /// </summary>
    public abstract class ServiceConnection<TClient, TEmulator> : IDisposable
        where TClient : class, IDisposable
        where TEmulator : class
    {
        private readonly string _caller;

        /// <param name="caller">Who connects, as the connection's text names it (an app key, a corp).</param>
        protected ServiceConnection(TClient client, TEmulator? emulator, Uri endpoint, string caller)
        {
            Client = client;
            Emulator = emulator;
            Endpoint = endpoint;
            _caller = caller;
            ConnectedAt = TopTime.ToTopZone(DateTimeOffset.UtcNow);
        }

        internal TClient Client { get; }

        /// <summary>The in-process emulator (-Emulator), e.g. to reset it or simulate customers; null otherwise.</summary>
        public TEmulator? Emulator { get; }

        public Uri Endpoint { get; }

        public bool IsEmulator => Emulator != null;

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>True once the connection was handed to the user: it may still be used with -Connection.</summary>
        internal bool IsShared { get; private set; }

        /// <summary>Marks the connection as held by the user, before it is handed out.</summary>
        internal void Share() => IsShared = true;

        /// <summary>Releases the connection when it leaves the session, unless the user still holds it.</summary>
        internal void Release()
        {
            if (!IsShared) Dispose();
        }

        public void Dispose()
        {
            Client.Dispose();
            (Emulator as IDisposable)?.Dispose();
        }

        public override string ToString() => _caller + " @ " + (IsEmulator ? "emulator (in-process)" : Endpoint.ToString());
    }
}
