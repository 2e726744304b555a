using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.WeCom;
using TaobaoTop.Emulator.WeCom;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>A connection made by Connect-WeCom: the client with its cached token, and the emulator behind it if any.</summary>
    public sealed class WeComConnection : IDisposable
    {
        internal WeComConnection(WeComClient client, WeComEmulator? emulator)
        {
            Client = client;
            Emulator = emulator;
            ConnectedAt = TopTime.ToTopZone(DateTimeOffset.UtcNow);
        }

        internal WeComClient Client { get; }

        /// <summary>The in-process emulator (Connect-WeCom -Emulator), e.g. to simulate customers scanning a code; null otherwise.</summary>
        public WeComEmulator? Emulator { get; }

        public string CorpId => Client.Options.CorpId;

        public Uri Endpoint => Client.Options.Endpoint;

        public bool IsEmulator => Emulator != null;

        public DateTimeOffset ConnectedAt { get; }

        public void Dispose() => Client.Dispose();

        public override string ToString() => "WeCom " + CorpId + " @ " + (IsEmulator ? "emulator (in-process)" : Endpoint.ToString());
    }

    /// <summary>The current WeCom connection of each runspace, apart from the Taobao one.</summary>
    internal static class WeComConnectionStore
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> Connections = new ConditionalWeakTable<Runspace, Holder>();

        public static WeComConnection? Current
        {
            get => Runspace.DefaultRunspace is { } runspace && Connections.TryGetValue(runspace, out var holder) ? holder.Connection : null;
            set => Connections.GetOrCreateValue(Runspace.DefaultRunspace).Connection = value;
        }

        private sealed class Holder
        {
            public WeComConnection? Connection;
        }
    }
}
