using System.Collections.Generic;
using System.Linq;

namespace TaobaoTop.Emulator.Seller
{
    internal sealed class ItemCategory
    {
        public ItemCategory(long cid, long parentCid, string name, int sortOrder)
        {
            Cid = cid;
            ParentCid = parentCid;
            Name = name;
            SortOrder = sortOrder;
        }

        public long Cid { get; }

        public long ParentCid { get; }

        public string Name { get; }

        public int SortOrder { get; }

        public bool IsParent => ItemCategories.All.Any(c => c.ParentCid == Cid);
    }

    /// <summary>
    /// A small slice of Taobao's seller category tree. Ids 16, 1622, 1623, 162104, 162205 and 50000671 were checked
    /// against a public dump of the real tree; 30, 50000436, 3035, 50010167 and 1512 are the ids commonly quoted for
    /// those categories but were not verified.
    /// </summary>
    internal static class ItemCategories
    {
        public static readonly IReadOnlyList<ItemCategory> All = new[]
        {
            new ItemCategory(16, 0, "女装/女士精品", 1),
            new ItemCategory(50000671, 16, "T恤", 1),
            new ItemCategory(162104, 16, "衬衫", 2),
            new ItemCategory(1623, 16, "半身裙", 3),
            new ItemCategory(1622, 16, "裤子", 4),
            new ItemCategory(162205, 1622, "牛仔裤", 1),
            new ItemCategory(30, 0, "男装", 2),
            new ItemCategory(50000436, 30, "T恤", 1),
            new ItemCategory(3035, 30, "休闲裤", 2),
            new ItemCategory(50010167, 30, "牛仔裤", 3),
            new ItemCategory(1512, 0, "手机", 3),
        };

        public static ItemCategory? Find(long cid) => All.FirstOrDefault(c => c.Cid == cid);

        public static IEnumerable<ItemCategory> Leaves => All.Where(c => !c.IsParent);
    }
}
