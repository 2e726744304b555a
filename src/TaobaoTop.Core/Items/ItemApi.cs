using TaobaoTop.Core.Json;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Items
{
    /// <summary>Requests and answers of the seller item APIs, shared by the listing engine and the item cmdlets.</summary>
    public static class ItemApi
    {
        /// <summary>The fields Get-TaobaoItem asks for.</summary>
        public const string ItemFields = "num_iid,title,price,num,cid,outer_id,approve_status,stuff_status,location,pic_url,nick,detail_url,list_time,delist_time,created,modified,sku,item_img,prop_img";

        public static string Money(decimal price) => price.ToString("0.00", CultureInfo.InvariantCulture);

        public static TopRequest Add(ItemDraft draft, string? pictureUrl)
        {
            var request = new TopRequest("taobao.item.add")
                .With("title", draft.Title)
                .With("price", Money(draft.Price))
                .With("num", draft.LaterSkus.Count == 0 ? draft.Quantity : draft.SkusInAdd.Sum(s => s.Quantity))
                .With("type", "fixed")
                .With("stuff_status", draft.StuffStatus)
                .With("desc", draft.Description)
                .With("location.state", draft.State)
                .With("location.city", draft.City)
                .With("cid", draft.CategoryId)
                .With("outer_id", draft.OuterId)
                .With("pic_path", pictureUrl)
                .With("props", draft.Props)
                .With("input_pids", draft.InputPids)
                .With("input_str", draft.InputStr)
                .With("property_alias", draft.PropertyAlias)
                .With("postage_id", draft.FreightTemplateId);
            var skus = draft.SkusInAdd.ToList();
            if (skus.Count > 0)
            {
                request.With("sku_properties", string.Join(",", skus.Select(s => s.Properties)))
                    .With("sku_quantities", string.Join(",", skus.Select(s => s.Quantity.ToString(CultureInfo.InvariantCulture))))
                    .With("sku_prices", string.Join(",", skus.Select(s => Money(s.Price))));
                if (skus.Any(s => s.OuterId != null)) request.With("sku_outer_ids", string.Join(",", skus.Select(s => s.OuterId ?? string.Empty)));
            }
            return request;
        }

        /// <summary>One more SKU of a listed item: the SKUs beyond item.add's 512 bytes (<see cref="SkuSplit"/>).</summary>
        public static TopRequest SkuAdd(long numIid, SkuDraft sku)
            => new TopRequest("taobao.item.sku.add").With("num_iid", numIid).With("properties", sku.Properties)
                .With("quantity", sku.Quantity).With("price", Money(sku.Price)).With("outer_id", sku.OuterId);

        /// <summary>An item's SKUs as item.seller.get gives them (fields sku).</summary>
        public static TopRequest SkusOf(long numIid) => new TopRequest("taobao.item.seller.get").With("fields", "num_iid,sku").With("num_iid", numIid);

        /// <summary>The SKUs' sale properties of an item.seller.get answer, each in <see cref="SortedProperties"/> form.</summary>
        public static HashSet<string> ReadSkuProperties(TopResponse response)
            => new HashSet<string>(response.Body.Child("item").Child("skus").Items().Select(s => SortedProperties(s.Text("properties") ?? string.Empty)), StringComparer.Ordinal);

        /// <summary>pid:vid;pid:vid in pid order: TOP may answer a SKU's pairs in another order than they were sent.</summary>
        public static string SortedProperties(string properties)
            => string.Join(";", properties.Split(';').Where(p => p.Length > 0).OrderBy(p => p, StringComparer.Ordinal));

        /// <summary>A leaf category's properties with their values.</summary>
        public static TopRequest Properties(long categoryId)
            => new TopRequest("taobao.itemprops.get").With("cid", categoryId)
                .With("fields", "pid,name,must,multi,is_key_prop,is_sale_prop,is_enum_prop,is_input_prop,is_allow_alias,prop_values");

        public static TopRequest SellerGet(long numIid) => new TopRequest("taobao.item.seller.get").With("fields", ItemFields).With("num_iid", numIid);

        /// <summary>taobao.items.onsale.get or taobao.items.inventory.get, one page.</summary>
        public static TopRequest List(bool onSale, long pageNo, int pageSize, string? query)
            => new TopRequest(onSale ? "taobao.items.onsale.get" : "taobao.items.inventory.get")
                .With("fields", ItemFields).With("page_no", pageNo).With("page_size", pageSize).With("q", query);

        public static TopRequest PriceUpdate(long numIid, decimal price)
            => new TopRequest("taobao.item.price.update").With("num_iid", numIid).With("price", Money(price));

        /// <summary>
        /// One SKU's price; the SKU is named by its properties (pid:vid;pid:vid), as the API requires. item_price moves the
        /// item's price along when the new SKU price would leave it outside its SKUs' prices, which TOP refuses.
        /// </summary>
        public static TopRequest SkuPriceUpdate(long numIid, string properties, decimal price, decimal? itemPrice = null)
            => new TopRequest("taobao.item.sku.price.update").With("num_iid", numIid).With("properties", properties).With("price", Money(price))
                .With("item_price", itemPrice is decimal item ? Money(item) : null);

        /// <summary>type 1 sets the stock, type 2 adds to it; with a SKU id, or a SKU's 商家编码, only that SKU's stock changes.</summary>
        public static TopRequest QuantityUpdate(long numIid, long quantity, bool incremental, long? skuId, string? skuOuterId = null)
            => new TopRequest("taobao.item.quantity.update").With("num_iid", numIid).With("quantity", quantity)
                .With("type", incremental ? 2 : 1).With("sku_id", skuId).With("outer_id", skuOuterId);

        public static TopRequest Listing(long numIid, long quantity) => new TopRequest("taobao.item.update.listing").With("num_iid", numIid).With("num", quantity);

        public static TopRequest Delisting(long numIid) => new TopRequest("taobao.item.update.delisting").With("num_iid", numIid);

        /// <summary>How many outer_ids one taobao.items.custom.get takes.</summary>
        public const int CustomGetBatchSize = 40;

        /// <summary>The seller's items with these outer_ids (at most <see cref="CustomGetBatchSize"/>), with the given fields.</summary>
        public static TopRequest CustomGet(IEnumerable<string> outerIds, string fields = "num_iid,outer_id")
            => new TopRequest("taobao.items.custom.get").With("fields", fields).With("outer_id", string.Join(",", outerIds));

        public static TopRequest PictureUpload(string path, long categoryId, string? title) => PictureUpload(TopFile.FromPath(path), categoryId, title);

        public static TopRequest PictureUpload(TopFile file, long categoryId, string? title)
        {
            var request = new TopRequest("taobao.picture.upload")
                .With("picture_category_id", categoryId)
                .With("image_input_title", file.FileName)
                .With("title", title);
            request.Files["img"] = file;
            return request;
        }

        /// <summary>One of an item's main pictures 2 to 5 (position 1 to 4).</summary>
        public static TopRequest ItemImageUpload(long numIid, TopFile file, int position)
        {
            var request = new TopRequest("taobao.item.img.upload").With("num_iid", numIid).With("position", position);
            request.Files["image"] = file;
            return request;
        }

        /// <summary>The picture of one sale-property value (pid:vid), such as a colour's.</summary>
        public static TopRequest PropertyImageUpload(long numIid, string properties, TopFile file)
        {
            var request = new TopRequest("taobao.item.propimg.upload").With("num_iid", numIid).With("properties", properties);
            request.Files["image"] = file;
            return request;
        }

        /// <summary>The item of an answer: under <c>item</c>, or under <c>sku</c> for the SKU APIs (num_iid and modified).</summary>
        public static TaobaoItem ReadItem(TopResponse response)
            => TaobaoItem.FromJson(response.Body.TryGetProperty("item", out var item) ? item : response.Body.TryGetProperty("sku", out var sku) ? sku : response.Body);

        public static TaobaoPicture ReadPicture(TopResponse response, string? sourcePath)
            => TaobaoPicture.FromJson(response.Body.TryGetProperty("picture", out var picture) ? picture : response.Body, sourcePath);

        /// <summary>The items of a taobao.items.custom.get answer by their outer_id (ordinal), in the answer's order; items without one left out.</summary>
        public static ILookup<string, TaobaoItem> ReadByOuterId(TopResponse response)
            => ReadItems(response, out _).Where(i => i.OuterId != null).ToLookup(i => i.OuterId!, StringComparer.Ordinal);

        /// <summary>The items of a list answer, whether simplified (an array) or not (<c>items.item[]</c>).</summary>
        public static List<TaobaoItem> ReadItems(TopResponse response, out long total)
        {
            total = JsonFields.Long(response.Body, "total_results") ?? 0;
            var items = new List<TaobaoItem>();
            if (!response.Body.TryGetProperty("items", out var list)) return items;
            if (list.ValueKind == JsonValueKind.Object && list.TryGetProperty("item", out var inner)) list = inner;
            if (list.ValueKind != JsonValueKind.Array) return items;
            foreach (var item in list.EnumerateArray()) items.Add(TaobaoItem.FromJson(item));
            return items;
        }
    }
}
