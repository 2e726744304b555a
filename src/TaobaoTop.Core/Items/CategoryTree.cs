using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Items
{
    /// <summary>A leaf category (items are listed under leaves only), with the names of the path that leads to it.</summary>
    public sealed class CategoryLeaf
    {
        public CategoryLeaf(long id, string path)
        {
            Id = id;
            Path = path;
        }

        public long Id { get; }

        /// <summary>e.g. 男装 › T恤.</summary>
        public string Path { get; }
    }

    /// <summary>Walks taobao.itemcats.get from the roots, breadth first, within a budget of calls.</summary>
    public static class CategoryTree
    {
        public static async Task<IReadOnlyList<CategoryLeaf>> LeavesAsync(TopClient client, int maxCalls, CancellationToken cancellationToken)
        {
            var leaves = new List<CategoryLeaf>();
            var pending = new Queue<(long Id, string Path)>();
            pending.Enqueue((0, string.Empty));
            for (var calls = 0; calls < maxCalls && pending.Count > 0; calls++)
            {
                var (parentId, parentPath) = pending.Dequeue();
                var request = new TopRequest("taobao.itemcats.get").With("parent_cid", parentId).With("fields", "cid,parent_cid,name,is_parent");
                var response = await client.InvokeAsync(request, null, cancellationToken).ConfigureAwait(false);
                foreach (var category in response.Body.List("item_cats"))
                {
                    var id = category.Long("cid") ?? 0;
                    var path = parentPath.Length == 0 ? category.Text("name") ?? string.Empty : parentPath + " › " + category.Text("name");
                    if (category.Bool("is_parent") == true) pending.Enqueue((id, path));
                    else leaves.Add(new CategoryLeaf(id, path));
                }
            }
            return leaves;
        }
    }
}
