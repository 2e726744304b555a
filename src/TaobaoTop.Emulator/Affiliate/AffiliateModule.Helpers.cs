using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>Small helpers promoters call all day: the item of a click link.</summary>
    public sealed partial class AffiliateModule
    {
        private void RegisterHelpers(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.item.click.extract", false, false, call => Locked(call, ExtractClickItem));
        }

        /// <summary>链接解析出商品id: follows the emulator's short links; a link to no item is TOP's isv.invalid-parameter.</summary>
        private JsonObject ExtractClickItem(ApiCall call)
        {
            var url = call.Required("click_url");
            var target = Links.Classify(Links.Expand(_state, url.StartsWith("//", System.StringComparison.Ordinal) ? "https:" + url : url));
            if (target == null || target.MaterialType != 1 || _catalog.Find(target.Id) is not CatalogItem item)
                throw TopApiException.Business("isv.invalid-parameter:click_url", "链接中解析不到商品id");
            return new JsonObject { ["item_id"] = item.ItemId, ["open_iid"] = item.ItemId, ["biz_scene_id"] = "1" };
        }
    }
}
