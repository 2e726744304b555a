using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using TaobaoTop.Core.Protocol;
using static TaobaoTop.Core.Json.Utf8Fields;

namespace TaobaoTop.Core.Affiliate
{
    /// <summary>
    /// A page of taobao.tbk.(dg|sc).material.optional.upgrade / material.recommend read straight from the answer's bytes,
    /// giving what <see cref="TbkAnswers.MaterialPage"/> gives over the parsed document, without building the document.
    /// </summary>
    public static class TbkMaterialPages
    {
        /// <summary>Given to a search request (<see cref="TopRequest.AnswerReader"/>): the parser's one pass over the answer fills the page.</summary>
        public static ITopAnswerReader NewReader() => new PageReader();

        /// <summary>The page the parser's pass filled; an answer of another shape (simplify=true) is read from its body.</summary>
        public static TbkItemPage Read(TopResponse response)
            => response.Model is PageReader page ? new TbkItemPage(page.Items, page.TotalResults) : TbkAnswers.MaterialPage(response.Body);

        private sealed class PageReader : ITopAnswerReader
        {
            public readonly List<TbkItem> Items = new List<TbkItem>();
            public long? TotalResults;
            private readonly TextPool _texts = new TextPool();

            public void ReadProperty(ref Utf8JsonReader reader)
            {
                var field = reader.ValueTextEquals(Names.ResultList) ? 0 : reader.ValueTextEquals(Names.TotalResults) ? 1 : -1;
                reader.Read();
                switch (field)
                {
                    case 0:
                        // Like JsonFields: the last of repeated fields counts.
                        Items.Clear();
                        ReadItems(ref reader, Items, _texts);
                        break;
                    case 1:
                        TotalResults = Long(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        /// <summary>
        /// Moves into a TOP list: true on its array's start, the bare array (simplify) or the first array inside its
        /// wrapper object (then <paramref name="wrapped"/>, and <see cref="LeaveList"/> reads the rest of the wrapper).
        /// False when the value is no list (skipped).
        /// </summary>
        private static bool EnterList(ref Utf8JsonReader reader, out bool wrapped)
        {
            wrapped = false;
            if (reader.TokenType == JsonTokenType.StartArray) return true;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return false;
            }
            wrapped = true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray) return true;
                reader.Skip();
            }
            return false;
        }

        private static void LeaveList(ref Utf8JsonReader reader, bool wrapped)
        {
            if (!wrapped) return;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                reader.Skip();
            }
        }

        /// <summary>A list of the upgrade APIs' item entries (search pages, item details) into <paramref name="items"/>.</summary>
        internal static void ReadItems(ref Utf8JsonReader reader, List<TbkItem> items, TextPool texts)
        {
            if (!EnterList(ref reader, out var wrapped)) return;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var item = new TbkItem();
                ClearBasic(item);
                if (reader.TokenType == JsonTokenType.StartObject) ReadItem(ref reader, item, texts);
                else reader.Skip();
                items.Add(item);
            }
            LeaveList(ref reader, wrapped);
        }

        private static void ReadItem(ref Utf8JsonReader reader, TbkItem item, TextPool texts)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Names.Field(ref reader, Names.Entry, 0);
                reader.Read();
                switch (field)
                {
                    case 0:
                        item.ItemId = Scalar(ref reader) ?? string.Empty;
                        break;
                    case 1:
                        // Like JsonFields: the last of repeated objects counts, even when it is not an object.
                        ClearBasic(item);
                        if (reader.TokenType == JsonTokenType.StartObject) ReadBasic(ref reader, item, texts);
                        else reader.Skip();
                        break;
                    case 2:
                        ClearPrice(item);
                        if (reader.TokenType == JsonTokenType.StartObject) ReadPrice(ref reader, item);
                        else reader.Skip();
                        break;
                    case 3:
                        item.CommissionRate = null;
                        item.ClickUrl = null;
                        item.CouponShareUrl = null;
                        if (reader.TokenType == JsonTokenType.StartObject) ReadPublish(ref reader, item);
                        else reader.Skip();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        private static void ClearBasic(TbkItem item)
        {
            item.Title = string.Empty;
            item.ShortTitle = item.SubTitle = item.BrandName = item.CategoryName = item.LevelOneCategoryName = item.ShopTitle = null;
            item.CategoryId = item.LevelOneCategoryId = item.SellerId = item.Volume = null;
            item.IsTmall = false;
            item.ItemUrl = item.PictureUrl = item.WhiteImageUrl = null;
            item.SmallImages = new List<string>();
        }

        private static void ReadBasic(ref Utf8JsonReader reader, TbkItem item, TextPool texts)
        {
            var expected = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // Answers list the fields in one order: the one after the last is tried first.
                var field = Names.Field(ref reader, Names.Basic, expected);
                reader.Read();
                if (field >= 0) expected = field + 1;
                switch (field)
                {
                    case 0: item.Title = Scalar(ref reader) ?? string.Empty; break;
                    case 1: item.ShortTitle = Scalar(ref reader); break;
                    case 2: item.SubTitle = Scalar(ref reader); break;
                    case 3: item.BrandName = texts.Text(ref reader, 3); break;
                    case 4: item.CategoryId = Long(ref reader); break;
                    case 5: item.CategoryName = texts.Text(ref reader, 5); break;
                    case 6: item.LevelOneCategoryId = Long(ref reader); break;
                    case 7: item.LevelOneCategoryName = texts.Text(ref reader, 7); break;
                    case 8: item.SellerId = Long(ref reader); break;
                    case 9: item.ShopTitle = texts.Text(ref reader, 9); break;
                    case 10: item.IsTmall = Long(ref reader) == 1; break;
                    case 11: item.Volume = Long(ref reader); break;
                    case 12: item.ItemUrl = Url(ref reader); break;
                    case 13: item.PictureUrl = Url(ref reader); break;
                    case 14: item.WhiteImageUrl = Url(ref reader); break;
                    case 15: item.SmallImages = Images(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
        }

        /// <summary>The non-empty texts of the list, protocol-relative links made https.</summary>
        private static List<string> Images(ref Utf8JsonReader reader)
        {
            var images = new List<string>();
            if (!EnterList(ref reader, out var wrapped)) return images;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String && Url(ref reader) is string image) images.Add(image);
                else reader.Skip();
            }
            LeaveList(ref reader, wrapped);
            return images;
        }

        private static void ClearPrice(TbkItem item)
        {
            item.ReservePrice = item.Price = item.FinalPrice = null;
            ClearCoupon(item);
        }

        private static void ClearCoupon(TbkItem item)
        {
            item.CouponAmount = null;
            item.CouponActivityId = item.CouponDescription = null;
            item.CouponStartTime = item.CouponEndTime = null;
        }

        private static void ReadPrice(ref Utf8JsonReader reader, TbkItem item)
        {
            decimal? final = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Names.Field(ref reader, Names.Price, 0);
                reader.Read();
                switch (field)
                {
                    case 0: item.ReservePrice = Money(ref reader); break;
                    case 1: item.Price = Money(ref reader); break;
                    case 2: final = Money(ref reader); break;
                    case 3:
                        ClearCoupon(item);
                        ReadCoupon(ref reader, item);
                        break;
                    default: reader.Skip(); break;
                }
            }
            item.FinalPrice = final ?? item.Price;
        }

        /// <summary>The coupon is the first step of the final-price path whose title has 券 (店铺券 / 商品券 …).</summary>
        private static void ReadCoupon(ref Utf8JsonReader reader, TbkItem item)
        {
            if (!EnterList(ref reader, out var wrapped)) return;
            var found = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (found || reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                var step = new TbkItem();
                string? title = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = Names.Field(ref reader, Names.Step, 0);
                    reader.Read();
                    switch (field)
                    {
                        case 0: title = Scalar(ref reader); break;
                        case 1: step.CouponAmount = Money(ref reader); break;
                        case 2: step.CouponActivityId = Scalar(ref reader); break;
                        case 3: step.CouponDescription = Scalar(ref reader); break;
                        case 4: step.CouponStartTime = Time(ref reader); break;
                        case 5: step.CouponEndTime = Time(ref reader, endOfDay: true); break;
                        default: reader.Skip(); break;
                    }
                }
                if (title == null || title.IndexOf('券') < 0) continue;
                found = true;
                item.CouponAmount = step.CouponAmount;
                item.CouponActivityId = step.CouponActivityId;
                item.CouponDescription = step.CouponDescription;
                item.CouponStartTime = step.CouponStartTime;
                item.CouponEndTime = step.CouponEndTime;
            }
            LeaveList(ref reader, wrapped);
        }

        private static void ReadPublish(ref Utf8JsonReader reader, TbkItem item)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Names.Field(ref reader, Names.Publish, 0);
                reader.Read();
                switch (field)
                {
                    case 0: item.CommissionRate = Money(ref reader); break;
                    case 1: item.ClickUrl = Url(ref reader); break;
                    case 2: item.CouponShareUrl = Url(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
        }

        private static class Names
        {
            public static readonly byte[] ResultList = Encoding.UTF8.GetBytes("result_list");
            public static readonly byte[] TotalResults = Encoding.UTF8.GetBytes("total_results");

            // Each in the order of the cases that read it.
            public static readonly byte[][] Entry = Utf8("item_id", "item_basic_info", "price_promotion_info", "publish_info");

            public static readonly byte[][] Basic = Utf8(
                "title", "short_title", "sub_title", "brand_name", "category_id", "category_name", "level_one_category_id", "level_one_category_name",
                "seller_id", "shop_title", "user_type", "volume", "item_url", "pict_url", "white_image", "small_images");

            public static readonly byte[][] Price = Utf8("reserve_price", "zk_final_price", "final_promotion_price", "final_promotion_path_list");

            public static readonly byte[][] Step = Utf8("promotion_title", "promotion_fee", "promotion_id", "promotion_desc", "promotion_start_time", "promotion_end_time");

            public static readonly byte[][] Publish = Utf8("income_rate", "click_url", "coupon_share_url");

            private static byte[][] Utf8(params string[] names) => Array.ConvertAll(names, Encoding.UTF8.GetBytes);

            /// <summary>The field's number in <paramref name="fields"/>, trying <paramref name="expected"/> first; -1 for a field not kept.</summary>
            public static int Field(ref Utf8JsonReader reader, byte[][] fields, int expected)
            {
                if (expected < fields.Length && reader.ValueTextEquals(fields[expected])) return expected;
                for (var i = 0; i < fields.Length; i++)
                {
                    if (reader.ValueTextEquals(fields[i])) return i;
                }
                return -1;
            }
        }
    }
}
