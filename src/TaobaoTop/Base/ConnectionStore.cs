using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace TaobaoTop.Base
{
    /// <summary>The current connection of one kind in each runspace, so parallel runspaces (and tests) never see each other's.</summary>
    internal sealed class ConnectionStore<TConnection>
        where TConnection : class
    {
        private readonly ConditionalWeakTable<Runspace, Holder> _connections = new ConditionalWeakTable<Runspace, Holder>();

        public TConnection? Current
        {
            get => Runspace.DefaultRunspace is { } runspace && _connections.TryGetValue(runspace, out var holder) ? holder.Connection : null;
            set => _connections.GetOrCreateValue(Runspace.DefaultRunspace).Connection = value;
        }

        private sealed class Holder
        {
            public TConnection? Connection;
        }
    }
}
