using System;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Base
{
    /// <summary>
    /// A connection made by a Connect- cmdlet: the service client, and the in-process emulator behind it if any. The
    /// session's current connection is released when another replaces it, unless the user holds it (-PassThru, a
    /// context object): then it stays usable with -Connection until the user disposes it.
    /// </summary>
    public abstract class ServiceConnection<TClient> : IDisposable
        where TClient : class, IDisposable
    {
        private readonly object? _emulator;

        /// <param name="emulator">The in-process emulator; disposed with the connection when it holds anything to release.</param>
        protected ServiceConnection(TClient client, object? emulator)
        {
            Client = client;
            _emulator = emulator;
            ConnectedAt = TopTime.ToTopZone(DateTimeOffset.UtcNow);
        }

        internal TClient Client { get; }

        public bool IsEmulator => _emulator != null;

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
            (_emulator as IDisposable)?.Dispose();
        }
    }
}
