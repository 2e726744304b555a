using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Affiliate
{
    /// <summary>One promotion position (推广位): the adzone, and its media (site) when known (the sc APIs need it).</summary>
    public sealed class TbkPosition
    {
        public TbkPosition(long adzoneId, long? siteId)
        {
            AdzoneId = adzoneId;
            SiteId = siteId;
        }

        public long AdzoneId { get; }

        public long? SiteId { get; }
    }

    /// <summary>A material search (物料搜索升级版): what to look for, and whose link the results carry.</summary>
    public sealed class TbkMaterialSearch
    {
        public string? Keyword { get; set; }

        public long MaterialId { get; set; }

        public IReadOnlyList<long>? CategoryId { get; set; }

        public TbkSort Sort { get; set; }

        /// <summary>Yuan; the API takes whole yuan, so the bound is widened to the next whole yuan.</summary>
        public decimal MinPrice { get; set; }

        public decimal MaxPrice { get; set; }

        /// <summary>Percent; the API takes 万分之.</summary>
        public decimal MinCommissionRate { get; set; }

        public bool CouponOnly { get; set; }

        public bool TmallOnly { get; set; }

        public long RelationId { get; set; }

        public long SpecialId { get; set; }
    }

    /// <summary>
    /// Requests of the affiliate (淘宝客) APIs with their wire names, so no cmdlet spells <c>relation_id</c>; their
    /// answers are read by <see cref="TbkAnswers"/> and <see cref="TbkPromotionAnswers"/> beside this file.
    /// </summary>
    public static class TbkApi
    {
        /// <summary>Adds adzone_id, and for the sc variants site_id (the dg APIs take the adzone alone).</summary>
        public static TopRequest For(this TopRequest request, TbkPosition adzone, bool withSite)
        {
            request.With("adzone_id", adzone.AdzoneId);
            if (withSite) request.With("site_id", adzone.SiteId ?? throw new ArgumentException(CoreText.Get("TbkScNeedsSite"), nameof(adzone)));
            return request;
        }

        /// <summary>万能解析 (taobao.tbk.dg/sc.general.link.parse) of up to 20 texts.</summary>
        public static TopRequest GeneralLinkParse(IEnumerable<string> materials, TbkPosition adzone, bool asServiceProvider, long relationId)
            => new TopRequest(asServiceProvider ? "taobao.tbk.sc.general.link.parse" : "taobao.tbk.dg.general.link.parse")
                .For(adzone, asServiceProvider)
                .With("material_dto", MaterialDto(materials))
                .With("relation_id", relationId > 0 ? relationId : (long?)null);

        /// <summary>万能转链 (taobao.tbk.dg/sc.general.link.convert) of up to 20 item ids and 20 texts.</summary>
        public static TopRequest GeneralLinkConvert(IReadOnlyCollection<string> itemIds, IReadOnlyCollection<string> materials, TbkPosition adzone, bool asServiceProvider,
            long relationId, long specialId, string? externalId, int bizSceneId, int promotionType)
        {
            var request = new TopRequest(asServiceProvider ? "taobao.tbk.sc.general.link.convert" : "taobao.tbk.dg.general.link.convert").For(adzone, asServiceProvider);
            if (itemIds.Count > 0) request.With("item_id_list", string.Join(",", itemIds.Distinct()));
            // material_dto is JSON, so share texts with commas survive (material_list is comma-separated).
            if (materials.Count > 0) request.With("material_dto", MaterialDto(materials.Distinct()));
            return request
                .With("relation_id", relationId > 0 ? relationId : (long?)null)
                .With("special_id", specialId > 0 ? specialId : (long?)null)
                .With("external_id", externalId)
                .With("biz_scene_id", bizSceneId > 0 ? bizSceneId : (int?)null)
                .With("promotion_type", promotionType > 0 ? promotionType : (int?)null);
        }

        /// <summary>taobao.tbk.tpwd.parse of one code, in the wrapper every version of the API reads.</summary>
        public static TopRequest PasswordParse(string code) => new TopRequest("taobao.tbk.tpwd.parse").With("password_content", "￥" + code + "￥");

        /// <summary>淘口令解析&amp;转链 (taobao.tbk.tpwd.convert, or the sc variant) for the caller's adzone.</summary>
        public static TopRequest PasswordConvert(string code, TbkPosition adzone, bool asServiceProvider, long relationId)
            => new TopRequest(asServiceProvider ? "taobao.tbk.sc.tpwd.convert" : "taobao.tbk.tpwd.convert")
                .For(adzone, asServiceProvider)
                .With("relation_id", relationId > 0 ? relationId : (long?)null)
                .With("password_content", "￥" + code + "￥");

        /// <summary>taobao.tbk.activity.info.get (or the sc variant): an activity's promotion link.</summary>
        public static TopRequest ActivityInfo(string materialId, TbkPosition adzone, bool asServiceProvider, string? unionId, long? relationId)
            => new TopRequest(asServiceProvider ? "taobao.tbk.sc.activity.info.get" : "taobao.tbk.activity.info.get")
                .For(adzone, asServiceProvider)
                .With("activity_material_id", materialId)
                .With("union_id", unionId)
                .With("relation_id", relationId);

        /// <summary>Item details (taobao.tbk.item.info.upgrade.get; detailed: item.details.upgrade.get) of up to 20 ids, read from the answer's bytes (<see cref="TbkItemDetails"/>).</summary>
        public static TopRequest ItemDetails(IEnumerable<string> itemIds, bool detailed)
            => new TopRequest(detailed ? "taobao.tbk.item.details.upgrade.get" : "taobao.tbk.item.info.upgrade.get") { AnswerReader = TbkItemDetails.NewReader }
                .With("item_id", string.Join(",", itemIds));

        /// <summary>One page of material search: dg/sc.material.optional.upgrade, or material.recommend for a material id alone.</summary>
        public static TopRequest MaterialSearch(string method, TbkMaterialSearch search, TbkPosition adzone, bool asServiceProvider, int pageNo, int pageSize)
        {
            var request = new TopRequest(method) { AnswerReader = TbkMaterialPages.NewReader }.For(adzone, asServiceProvider).With("page_no", pageNo).With("page_size", pageSize);
            if (search.MaterialId > 0) request.With("material_id", search.MaterialId);
            if (search.RelationId > 0) request.With("relation_id", search.RelationId);
            if (search.SpecialId > 0) request.With("special_id", search.SpecialId);
            if (search.Keyword != null) request.With("q", search.Keyword);
            if (search.CategoryId != null) request.With("cat", string.Join(",", search.CategoryId));
            if (search.Sort != TbkSort.Default) request.With("sort", SortName(search.Sort));
            // The API takes whole yuan and 万分之 rates; callers apply the exact bounds to each item.
            if (search.MinPrice > 0) request.With("start_price", (long)Math.Floor(search.MinPrice));
            if (search.MaxPrice > 0) request.With("end_price", (long)Math.Ceiling(search.MaxPrice));
            if (search.MinCommissionRate > 0) request.With("start_tk_rate", (long)Math.Floor(search.MinCommissionRate * 100));
            if (search.CouponOnly) request.With("has_coupon", true);
            if (search.TmallOnly) request.With("is_tmall", true);
            return request;
        }

        /// <summary>One page of taobao.tbk.sc.publisher.info.get: the channels or members of the account.</summary>
        public static TopRequest PublisherInfo(TbkPublisherType kind, string relationApp, int pageNo, int pageSize, long relationId, long specialId, string? externalId)
            => new TopRequest("taobao.tbk.sc.publisher.info.get")
                .With("info_type", (int)kind)
                .With("relation_app", relationApp)
                .With("page_no", pageNo)
                .With("page_size", pageSize)
                .With("relation_id", relationId > 0 ? relationId : (long?)null)
                .With("special_id", specialId > 0 ? specialId : (long?)null)
                .With("external_id", externalId);

        /// <summary>taobao.tbk.sc.invitecode.get.</summary>
        public static TopRequest InviteCode(TbkInviteKind kind, string relationApp, long? relationId)
            => new TopRequest("taobao.tbk.sc.invitecode.get")
                .With("relation_app", relationApp)
                .With("code_type", (int)kind)
                .With("relation_id", relationId);

        /// <summary>taobao.tbk.dg/sc.vegas.send.status: a consumer's red packets, by channel, member or device.</summary>
        public static TopRequest RedPacketStatus(bool asServiceProvider, long? relationId, long? specialId, int activityCategory, string? pid, string? deviceType, string? deviceValue)
        {
            var request = new TopRequest(asServiceProvider ? "taobao.tbk.sc.vegas.send.status" : "taobao.tbk.dg.vegas.send.status")
                .With("relation_id", relationId)
                .With("special_id", specialId)
                .With("activity_category", activityCategory > 0 ? activityCategory : (int?)null);
            if (!asServiceProvider && pid != null) request.With("pid", pid);
            if (deviceType != null) request.With("device_type", deviceType).With("device_value", deviceValue);
            return request;
        }

        /// <summary>One page of taobao.tbk.dg/sc.vegas.send.report for one day (yyyyMMdd).</summary>
        public static TopRequest RedPacketReport(bool asServiceProvider, string bizDate, long? relationId, string? activityId, string? pid, int pageNo, int pageSize)
        {
            var request = new TopRequest(asServiceProvider ? "taobao.tbk.sc.vegas.send.report" : "taobao.tbk.dg.vegas.send.report")
                .With("biz_date", bizDate)
                .With("relation_id", relationId)
                .With("activity_id", activityId)
                .With("page_no", pageNo)
                .With("page_size", pageSize);
            if (!asServiceProvider && pid != null) request.With("pid", pid);
            return request;
        }

        /// <summary>taobao.tbk.sc.rid.report.get: one channel's report of one day.</summary>
        public static TopRequest RelationReport(DateTimeOffset date, long relationId, long? siteId)
        {
            var option = new Dictionary<string, string>
            {
                ["biz_date"] = BizDate(date),
                ["relation_id"] = relationId.ToString(CultureInfo.InvariantCulture),
            };
            if (siteId != null) option["site_id"] = siteId.Value.ToString(CultureInfo.InvariantCulture);
            return new TopRequest("taobao.tbk.sc.rid.report.get").With("search_option", JsonSerializer.Serialize(option));
        }

        /// <summary>A day as the report APIs take it.</summary>
        public static string BizDate(DateTimeOffset date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        public static string SortName(TbkSort sort)
        {
            switch (sort)
            {
                case TbkSort.SalesDescending: return "total_sales_des";
                case TbkSort.SalesAscending: return "total_sales_asc";
                case TbkSort.CommissionRateDescending: return "tk_rate_des";
                case TbkSort.CommissionRateAscending: return "tk_rate_asc";
                case TbkSort.FinalPriceDescending: return "final_promotion_price_des";
                case TbkSort.FinalPriceAscending: return "final_promotion_price_asc";
                case TbkSort.TotalCommissionDescending: return "tk_total_commi_des";
                default: throw new ArgumentOutOfRangeException(nameof(sort));
            }
        }

        private static string MaterialDto(IEnumerable<string> materials)
            => JsonSerializer.Serialize(materials.Select(m => new Dictionary<string, string> { ["material_url"] = m }));
    }
}
