using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Binds
{
    /// <summary>
    /// The one parameter type for "a seller's item": its id, its page link, or an object that carries NumIid
    /// (TaobaoItem, Add-TaobaoItem's results, a sheet row) or only its 商家编码 (an ERP sheet row), looked up when the
    /// cmdlet runs. Binding never fails, so one unusable input does not stop a pipeline: the cmdlet reports it by name
    /// (<see cref="Resolve"/>) and goes on with the next.
    /// </summary>
    public sealed class TaobaoItemBind
    {
        private static readonly string[] OuterIdNames = { "OuterId", "商家编码", "outer_id", "外部编码" };
        private readonly string _input;
        private readonly PSObject? _source;

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
            if (NumIid > 0) return;
            _source = item;
            OuterId = OuterIdNames.Select(name => item.Properties[name]?.Value).OfType<object>()
                .Select(value => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim()).FirstOrDefault(text => !string.IsNullOrEmpty(text));
        }

        /// <summary>The item id; 0 when the input named no item, or only its 商家编码 and it is not looked up yet.</summary>
        public long NumIid { get; private set; }

        /// <summary>The 商家编码 of an input that has no item id.</summary>
        public string? OuterId { get; }

        public static implicit operator long(TaobaoItemBind item) => item.NumIid;

        /// <summary>
        /// Makes sure the input names one item: an input with only a 商家编码 is looked up with
        /// taobao.items.custom.get (through <paramref name="lookUp"/>). A non-terminating error naming the input otherwise.
        /// </summary>
        internal ErrorRecord? Resolve(Func<TopRequest, ILookup<string, TaobaoItem>> lookUp)
        {
            if (NumIid > 0) return null;
            if (OuterId is null)
            {
                var message = _source is null
                    ? Resources.Messages.Format("NotItemReference", _input)
                    : Resources.Messages.Format("NoItemInInput", _source);
                return new ErrorRecord(new PSArgumentException(message), "NotAnItem", ErrorCategory.InvalidArgument, (object?)_source ?? _input);
            }
            var ids = lookUp(ItemApi.CustomGet(new[] { OuterId }))[OuterId].Select(i => i.NumIid).Distinct().ToArray();
            if (ids.Length == 1)
            {
                NumIid = ids[0];
                return null;
            }
            return ids.Length == 0
                ? new ErrorRecord(new PSArgumentException(Resources.Messages.Format("OuterIdNotFound", OuterId)), "OuterIdNotFound", ErrorCategory.ObjectNotFound, OuterId)
                : new ErrorRecord(new PSArgumentException(Resources.Messages.Format("OuterIdAmbiguous", OuterId, ids.Length, string.Join(", ", ids))), "OuterIdAmbiguous", ErrorCategory.InvalidArgument, OuterId);
        }

        public override string ToString() => NumIid > 0 ? NumIid.ToString(CultureInfo.InvariantCulture) : OuterId ?? _input;

        private static string TextOf(PSObject item)
        {
            var value = item.Properties["NumIid"]?.Value ?? item.Properties["num_iid"]?.Value ?? item.BaseObject;
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }
}
