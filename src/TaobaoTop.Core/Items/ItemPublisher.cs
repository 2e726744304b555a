using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Items
{
    /// <summary>
    /// The one replaceable part of a listing: how a validated draft becomes an item in the shop. The listing engine
    /// around it (journal, lookups by outer_id, pictures after the add) stays the same whichever way is used.
    /// </summary>
    public interface IItemPublisher
    {
        /// <summary>The write that publishes the draft, with its main picture's URL in the picture space.</summary>
        TopRequest Request(ItemDraft draft, string? pictureUrl);

        /// <summary>The new item (num_iid, created) of the write's answer.</summary>
        TaobaoItem Read(TopResponse response);
    }

    /// <summary>Publishing with taobao.item.add, which every seller app may call.</summary>
    public sealed class ItemAddPublisher : IItemPublisher
    {
        public TopRequest Request(ItemDraft draft, string? pictureUrl) => ItemApi.Add(draft, pictureUrl);

        public TaobaoItem Read(TopResponse response) => ItemApi.ReadItem(response);
    }
}
