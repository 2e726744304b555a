using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Affiliate
{
    /// <summary>
    /// Reads the answers of the promoter's small tools: 淘礼金三方链接转换, CPA活动执行明细, pid校验, member组 and
    /// 权益物料精选. A refusal inside a successful answer (success false with a code) is a <see cref="TopApiException"/>.
    /// </summary>
    public static class TbkToolAnswers
    {
        /// <summary>
        /// taobao.tbk.dg.vegas.tlj.share.convert: <c>result{success, msg_code, msg_info, model{send_url}}</c>, the shape of
        /// its sibling tlj.create (the documents list the parameters only).
        /// </summary>
        public static TbkGiftMoneyLink GiftMoneyLink(TopResponse response, string originUrl, long adzoneId)
        {
            var result = response.Body.Child("result");
            ThrowIfRefused(response, result);
            var url = result.Child("model").Url("send_url") ?? throw new FormatException(CoreText.Format("AnswerLacks", "result.model.send_url"));
            return new TbkGiftMoneyLink { OriginUrl = originUrl, Url = url, AdzoneId = adzoneId, RightsId = QueryValue(url, "activityId") };
        }

        /// <summary>
        /// One page of taobao.tbk.dg.cpa.activity.detail: <c>result{success, result_code, result_msg, data{results[{id,
        /// calc_type, field_detail}], has_next, runtime}}</c>; field_detail is a JSON object of the row's fields.
        /// </summary>
        public static TbkPage<TbkCpaActivityDetail> CpaActivityDetailPage(TopResponse response, string eventId)
        {
            var result = response.Body.Child("result");
            ThrowIfRefused(response, result);
            var data = result.Child("data");
            var runtime = data.Time("runtime");
            var rows = data.List("results").Select(row =>
            {
                var fields = DetailFields(row.Text("field_detail"));
                return new TbkCpaActivityDetail
                {
                    EventId = eventId,
                    Id = row.Long("id"),
                    Kind = row.Int("calc_type") == 2 ? TbkCpaDetailKind.Settled : TbkCpaDetailKind.Estimated,
                    RelationId = LongField(fields, "relation_id"),
                    SpecialId = LongField(fields, "special_id"),
                    Reward = fields.TryGetValue("reward_amt", out var reward) && decimal.TryParse(reward, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                        ? decimal.Round(amount, 2) + 0.00m : (decimal?)null,
                    Fields = fields,
                    Runtime = runtime,
                };
            }).ToList();
            return new TbkPage<TbkCpaActivityDetail>(rows, data.Bool("has_next") == true);
        }

        /// <summary>taobao.tbk.tbkinfo.get: <c>result{data}</c>, true when the PID belongs to the caller.</summary>
        public static bool PidIsValid(JsonElement body)
            => body.Child("result").Bool("data") ?? throw new FormatException(CoreText.Format("AnswerLacks", "result.data"));

        /// <summary>taobao.tbk.sc.membergroup.optional: <c>data{member_group_id, tb_num_ids, create_time, update_time}</c>.</summary>
        public static TbkMemberGroup MemberGroup(JsonElement body)
        {
            var data = body.Child("data");
            return new TbkMemberGroup
            {
                MemberGroupId = data.Long("member_group_id") ?? throw new FormatException(CoreText.Format("AnswerLacks", "data.member_group_id")),
                MemberIds = (data.Text("tb_num_ids") ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(id => id.Trim()).ToList(),
                CreateTime = data.Time("create_time"),
                UpdateTime = data.Time("update_time"),
            };
        }

        /// <summary>
        /// taobao.tbk.dg/sc.optimus.promotion: <c>result_list[]{promotion_type, total_count, remain_count, display_*_time,
        /// promotion_list[]{entry_condition, entry_discount (fen), entry_used_*_time}, promotion_extend{recommend_item_list[],
        /// promotion_url}, seller_id, shop_title}</c>.
        /// </summary>
        public static IReadOnlyList<TbkPromotion> Promotions(JsonElement body, long promotionId)
            => body.List("result_list").Select(entry =>
            {
                var entryInfo = entry.List("promotion_list").FirstOrDefault();
                var extend = entry.Child("promotion_extend");
                return new TbkPromotion
                {
                    PromotionId = promotionId,
                    Kind = entry.Int("promotion_type") is int kind && Enum.IsDefined(typeof(TbkPromotionKind), kind) ? (TbkPromotionKind)kind : TbkPromotionKind.Unknown,
                    Discount = Fen(entryInfo, "entry_discount"),
                    Threshold = Fen(entryInfo, "entry_condition"),
                    UseStartTime = entryInfo.Time("entry_used_start_time"),
                    UseEndTime = entryInfo.Time("entry_used_end_time"),
                    TotalCount = entry.Long("total_count"),
                    RemainCount = entry.Long("remain_count"),
                    DisplayStartTime = entry.Time("display_start_time"),
                    DisplayEndTime = entry.Time("display_end_time"),
                    SellerId = entry.Long("seller_id"),
                    ShopTitle = entry.Text("shop_title"),
                    Url = extend.Url("promotion_url"),
                    ItemId = extend.List("recommend_item_list").Select(item => item.Text("item_id")).Where(id => id != null).Select(id => id!).ToList(),
                };
            }).ToList();

        private static decimal? Fen(JsonElement element, string name)
            => element.Decimal(name) is decimal fen ? decimal.Round(fen / 100m, 2) + 0.00m : (decimal?)null;

        private static IReadOnlyDictionary<string, string> DetailFields(string? json)
        {
            var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (json == null) return fields;
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException(CoreText.Get("TbkFieldDetailNotObject"));
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (document.RootElement.Text(property.Name) is string value) fields[property.Name] = value;
                }
            }
            catch (JsonException ex)
            {
                throw new FormatException(CoreText.Format("TbkFieldDetailNotJson", ex.Message), ex);
            }
            return fields;
        }

        private static long? LongField(IReadOnlyDictionary<string, string> fields, string name)
            => fields.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;

        private static string? QueryValue(string url, string name)
        {
            var query = url.IndexOf('?');
            if (query < 0) return null;
            foreach (var pair in url.Substring(query + 1).Split('&'))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0 && pair.Substring(0, equals) == name) return Uri.UnescapeDataString(pair.Substring(equals + 1));
            }
            return null;
        }

        private static void ThrowIfRefused(TopResponse response, JsonElement result)
        {
            if (result.Bool("success") == true) return;
            throw new TopApiException(response.Api, 15, "Remote service error",
                result.Text("msg_code") ?? result.Text("biz_error_code") ?? result.Text("result_code") ?? "refused",
                result.Text("msg_info") ?? result.Text("biz_error_desc") ?? result.Text("result_msg") ?? CoreText.Get("TbkRefusedWithoutReason"),
                response.RequestId);
        }
    }
}
