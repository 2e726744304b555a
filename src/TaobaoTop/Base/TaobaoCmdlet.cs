using System;
using System.Management.Automation;
using TaobaoTop.Binds;
using TaobaoTop.Connection;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Base
{
    /// <summary>
    /// Base of every cmdlet that calls TOP: finds the connection (-Connection or the session's current one), runs calls
    /// with verbose reports on the pipeline thread, stops cleanly on Ctrl+C.
    /// </summary>
    public abstract class TaobaoCmdlet : ConnectedCmdlet<TaobaoConnection>
    {
        protected override TaobaoConnection? SessionConnection => ConnectionStore<TaobaoConnection>.Current;

        protected override string NotConnectedMessage => Resources.Messages.Get("NotConnected");

        /// <summary>Calls the API, writing -Verbose reports (API, elapsed ms, request id, retries) as they happen.</summary>
        protected TopResponse CallApi(TopRequest request)
        {
            var client = RequireConnection().Client;
            return RunCall((observer, cancel) => client.InvokeAsync(request, observer, cancel));
        }

        protected override string Redact(string text)
        {
            var connection = Connection ?? SessionConnection;
            if (connection is null) return text;
            return new Redactor(connection.Client.Options.Secrets).Redact(text);
        }

        /// <summary>
        /// Reads an answer with a reader of the core. An answer it cannot read (a field missing or of the wrong kind) is
        /// an unreadable answer, TopInvalidResponse, in every cmdlet and parameter set.
        /// </summary>
        protected T ReadAnswer<T>(TopResponse response, Func<TopResponse, T> read)
        {
            try
            {
                return read(response);
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidOperationException || ex is ArgumentException || ex is OverflowException)
            {
                throw new TopResponseException(response.Api, response.Api + ": " + ex.Message, Redactor.Cut(Redact(response.RawJson)));
            }
        }

        /// <summary>Makes sure the input names one item (looked up by 商家编码 if need be); false after an error naming it.</summary>
        internal bool ResolveItem(TaobaoItemBind item)
        {
            var notAnItem = item.Resolve(request => ReadAnswer(CallApi(request), ItemApi.ReadByOuterId));
            if (notAnItem != null) WriteError(notAnItem);
            return notAnItem is null;
        }

        /// <summary>
        /// After a write whose answer carries only num_iid and modified: writes the item as it is now (one read), so
        /// title, stock and status are true; a warning when the change went through but the read did not.
        /// </summary>
        internal void WriteItemAfterChange(long numIid)
        {
            TaobaoItem? item = null;
            try
            {
                item = ReadAnswer(CallApi(ItemApi.SellerGet(numIid)), ItemApi.ReadItem);
            }
            catch (TopException ex)
            {
                WriteWarning(Resources.Messages.Format("ItemReadBackFailed", numIid, ex.Message));
            }
            if (item != null) WriteObject(item);
        }
    }
}
