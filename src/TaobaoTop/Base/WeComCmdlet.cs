using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Connection;
using TaobaoTop.Core.WeCom;

namespace TaobaoTop.Base
{
    /// <summary>Base of the WeCom cmdlets: finds the connection, runs calls with -Verbose reports, stops on Ctrl+C.</summary>
    public abstract class WeComCmdlet : ConnectedCmdlet<WeComConnection>
    {
        protected override WeComConnection? SessionConnection => ConnectionStore<WeComConnection>.Current;

        protected override string NotConnectedMessage
            => Resources.Messages.Get("NoWeComConnection");

        protected override string Redact(string text) => (Connection ?? SessionConnection)?.Client.Redact(text) ?? text;

        /// <summary>Runs one operation, writing its -Verbose reports from the pipeline thread.</summary>
        protected T Call<T>(Func<WeComExternalContacts, CancellationToken, Task<T>> operation)
        {
            var client = RequireConnection().Client;
            return RunCall((observer, cancel) => operation(new WeComExternalContacts(client, observer), cancel));
        }

        protected void Call(Func<WeComExternalContacts, CancellationToken, Task> operation)
            => Call(async (contacts, ct) =>
            {
                await operation(contacts, ct).ConfigureAwait(false);
                return true;
            });

        /// <summary>Streams what the operation reports (objects and -Verbose) while it runs; a stopped pipeline stops it.</summary>
        protected void Stream<T>(Func<WeComExternalContacts, Action<T>, CancellationToken, Task> operation)
        {
            var client = RequireConnection().Client;
            Stream((sink, cancel) => operation(new WeComExternalContacts(client, sink.Report), item => sink.Emit(item!), cancel));
        }
    }
}
