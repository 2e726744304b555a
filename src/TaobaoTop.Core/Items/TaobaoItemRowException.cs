using System;

namespace TaobaoTop.Core.Items
{
    /// <summary>A row that was not added: it broke a rule, or the gateway refused it or kept failing.</summary>
    public sealed class TaobaoItemRowException : Exception
    {
        public TaobaoItemRowException(string message, TaobaoItemResult result, Exception? inner = null)
            : base(message, inner)
        {
            Result = result;
        }

        public TaobaoItemResult Result { get; }
    }
}
