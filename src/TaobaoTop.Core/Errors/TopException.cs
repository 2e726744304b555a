using System;

namespace TaobaoTop.Core.Errors
{
    /// <summary>Base of every error the client raises; says which API failed.</summary>
    public class TopException : Exception
    {
        public TopException(string api, string message, Exception? inner = null)
            : base(message, inner)
        {
            Api = api;
        }

        /// <summary>The API method name, e.g. <c>taobao.tbk.tpwd.create</c>.</summary>
        public string Api { get; }

        /// <summary>True when the same call may succeed later (network, 5xx, <c>isp.*</c>, short throttling bans).</summary>
        public virtual bool IsTransient => false;

        /// <summary>True when the call may have been carried out although no answer came back.</summary>
        public virtual bool MayHaveBeenApplied => false;
    }
}
