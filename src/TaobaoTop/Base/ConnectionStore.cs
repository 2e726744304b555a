using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace TaobaoTop.Base
{
    /// <summary>The current connection of one kind in each runspace, so parallel runspaces (and tests) never see each other's.</summary>
    internal static class ConnectionStore<TConnection>
        where TConnection : class
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> Connections = new ConditionalWeakTable<Runspace, Holder>();

        public static TConnection? Current
        {
            get => Runspace.DefaultRunspace is { } runspace && Connections.TryGetValue(runspace, out var holder) ? holder.Connection : null;
            set => Connections.GetOrCreateValue(Runspace.DefaultRunspace).Connection = value;
        }

        private sealed class Holder
        {
            public TConnection? Connection;
        }
    }
}
