using System;
using System.Globalization;
using System.Management.Automation;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>
    /// The one parameter type for "a seller's item": its id, its page link, or an object that carries NumIid
    /// (TaobaoItem, Add-TaobaoItem's results, a sheet row). Binding never fails, so one unusable input does not stop a
    /// pipeline: the cmdlet reports it by name (<see cref="Problem"/>) and goes on with the next.
    /// </summary>
    public sealed class TaobaoItemBind
    {
        private readonly string _input;

        public TaobaoItemBind(long numIid)
        {
            _input = numIid.ToString(CultureInfo.InvariantCulture);
            NumIid = numIid > 0 ? numIid : 0;
        }

        public TaobaoItemBind(string text)
        {
            _input = text ?? string.Empty;
            NumIid = ItemReference.TryParse(text, out var numIid) ? numIid : 0;
        }

        public TaobaoItemBind(TaobaoItem item)
            : this(item.NumIid)
        {
        }

        public TaobaoItemBind(PSObject item)
            : this(TextOf(item))
        {
        }

        /// <summary>The item id; 0 when the input named no item.</summary>
        public long NumIid { get; }

        public static implicit operator long(TaobaoItemBind item) => item.NumIid;

        /// <summary>A non-terminating error that names the input, when it is not an item.</summary>
        internal ErrorRecord? Problem()
            => NumIid > 0
                ? null
                : new ErrorRecord(
                    new PSArgumentException($"'{_input}' is not an item id (num_iid) or an item page link such as https://item.taobao.com/item.htm?id=…."),
                    "NotAnItem",
                    ErrorCategory.InvalidArgument,
                    _input);

        public override string ToString() => NumIid > 0 ? NumIid.ToString(CultureInfo.InvariantCulture) : _input;

        private static string TextOf(PSObject item)
        {
            var value = item.Properties["NumIid"]?.Value ?? item.Properties["num_iid"]?.Value ?? item.BaseObject;
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }
}
