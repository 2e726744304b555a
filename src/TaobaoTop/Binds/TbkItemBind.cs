using System.Globalization;
using System.Management.Automation;
using TaobaoTop.Core.Affiliate;

namespace TaobaoTop.Binds
{
    /// <summary>
    /// The one parameter type for "an item": an item id, an item URL, a 淘口令 share text, or an item object
    /// (TbkItem, or any object with an ItemId). Binding never fails; the cmdlet reports an unusable input by name.
    /// </summary>
    public sealed class TbkItemBind
    {
        public TbkItemBind(string text)
        {
            Input = text ?? string.Empty;
            Kind = TbkItemReference.Classify(text, out var value);
            Value = value;
        }

        public TbkItemBind(long legacyId)
            : this(legacyId.ToString(CultureInfo.InvariantCulture))
        {
        }

        public TbkItemBind(TbkItem item)
        {
            Input = item.ItemId;
            Kind = TbkItemReference.IsLegacyItemId(item.ItemId) ? TbkReferenceKind.LegacyItemId : TbkReferenceKind.ItemId;
            Value = item.ItemId;
        }

        public TbkItemBind(PSObject item)
            : this(TextOf(item))
        {
        }

        /// <summary>The input as given, for messages.</summary>
        public string Input { get; }

        public TbkReferenceKind Kind { get; }

        /// <summary>The id, the URL found, or the share text.</summary>
        public string Value { get; }

        public override string ToString() => Input;

        private static string TextOf(PSObject item)
        {
            if (item.BaseObject is TbkItem typed) return typed.ItemId;
            foreach (var name in new[] { "ItemId", "item_id", "Url", "Password" })
            {
                if (item.Properties[name]?.Value is object value && value.ToString() is string text && text.Length > 0) return text;
            }
            return item.BaseObject?.ToString() ?? string.Empty;
        }
    }
}
