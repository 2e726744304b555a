using System;
using System.Collections.Generic;
using System.Globalization;

namespace TaobaoTop.Core.Errors
{
    /// <summary>What a TOP error means and what to do about it, in English and Chinese: the one table for 淘宝客 business codes and item codes.</summary>
    public sealed class TopErrorAdvice
    {
        private TopErrorAdvice(string meaning, string action, string meaningZh, string actionZh)
        {
            Meaning = meaning;
            Action = action;
            MeaningZh = meaningZh;
            ActionZh = actionZh;
        }

        public string Meaning { get; }

        public string Action { get; }

        public string MeaningZh { get; }

        public string ActionZh { get; }

        /// <summary>The recommendation in the UI language: Chinese for zh-*, English otherwise.</summary>
        public string Recommendation(CultureInfo culture)
            => IsChinese(culture) ? MeaningZh + "：" + ActionZh : Meaning + ": " + Action;

        public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

        /// <summary>The advice for an error's sub code (淘宝客 business codes are bare numbers), or null when the table has none.</summary>
        public static TopErrorAdvice? For(TopApiException error)
        {
            if (error.SubCode != null && Table.TryGetValue(error.SubCode, out var advice)) return advice;
            return Table.TryGetValue(error.Code.ToString(CultureInfo.InvariantCulture), out advice) ? advice : null;
        }

        private static readonly Dictionary<string, TopErrorAdvice> Table = new Dictionary<string, TopErrorAdvice>(StringComparer.Ordinal)
        {
            ["2"] = new TopErrorAdvice("The adzone is not on the PID's site (pid不正确)", "check -Pid: its site and adzone must be one promotion position of yours (Alimama console, 推广位管理)",
                "推广位不属于该 PID 的媒体（pid不正确）", "检查 -Pid：媒体和推广位必须是你的同一个推广位（阿里妈妈后台，推广位管理）"),
            ["4"] = new TopErrorAdvice("The adzone does not exist or is not yours", "use an adzone of your own (New-TbkAdzone, or the Alimama console)",
                "推广位不存在或不属于你", "使用你自己的推广位（New-TbkAdzone 或阿里妈妈后台）"),
            ["1911"] = new TopErrorAdvice("The app has no permission for this scene (biz_scene_id)", "apply for it in the Alimama console, or use the default scene",
                "应用没有该场景（biz_scene_id）的权限", "在阿里妈妈后台申请权限，或使用默认场景"),
            ["2001"] = new TopErrorAdvice("The start time is not before the end time", "give a -Start earlier than -End",
                "开始时间不早于结束时间", "让 -Start 早于 -End"),
            ["2004"] = new TopErrorAdvice("Orders can be queried back 90 days only", "give a -Start within the last 90 days",
                "订单只能查询最近 90 天", "-Start 须在最近 90 天内"),
            ["2007"] = new TopErrorAdvice("One order query spans at most 3 hours (20 minutes on big-sale days)", "Get-TbkOrder splits any range itself; with Invoke-TaobaoApi, query shorter windows",
                "一次订单查询最长 3 小时（大促期间 20 分钟）", "Get-TbkOrder 会自动拆分时间范围；使用 Invoke-TaobaoApi 时请缩短查询窗口"),
            ["3000"] = new TopErrorAdvice("The account is throttled for today", "try again tomorrow",
                "账号今日已被限流", "请次日重试"),
            ["9100"] = new TopErrorAdvice("The account sent too many requests this second", "wait a moment, or lower -Qps of Connect-TaobaoTop and -ThrottleLimit",
                "账号每秒请求过多", "稍后重试，或调低 Connect-TaobaoTop 的 -Qps 和 -ThrottleLimit"),
            ["50001"] = new TopErrorAdvice("Nothing matched", "widen the search: fewer filters, another keyword or category",
                "没有结果", "放宽搜索条件：减少筛选、换关键词或类目"),
            ["50002"] = new TopErrorAdvice("Calls are too frequent", "wait a moment, or lower -Qps of Connect-TaobaoTop",
                "调用频率过高", "稍后重试，或调低 Connect-TaobaoTop 的 -Qps"),
            ["6"] = new TopErrorAdvice("The 淘口令 is not valid or has expired", "ask for a fresh 淘口令; Resolve-TbkPassword reads only live ones",
                "淘口令无效或已过期", "请获取新的淘口令；Resolve-TbkPassword 只能解析有效的淘口令"),
            ["isv.item-not-exist"] = new TopErrorAdvice("The item does not exist or is not the seller's", "check the NumIid (Get-TaobaoItem -OnSale and -Inventory list the seller's items)",
                "商品不存在或不属于该卖家", "检查 NumIid（Get-TaobaoItem -OnSale 和 -Inventory 列出卖家的商品）"),
            ["isv.invalid-parameter:cid"] = new TopErrorAdvice("The category is not a leaf category the shop can list under", "pick a leaf category (Tab after -CategoryId lists them)",
                "类目不是可发布商品的叶子类目", "选择叶子类目（-CategoryId 后按 Tab 列出）"),
            ["invalid-sessionkey"] = new TopErrorAdvice("The session is invalid or has expired", "renew it with Update-TaobaoTopToken, or connect again with a new -Session",
                "授权（session）无效或已过期", "用 Update-TaobaoTopToken 续期，或用新的 -Session 重新连接"),
            // The public documents and SDKs we searched do not explain -4003; the advice says what can be checked.
            ["-4003"] = new TopErrorAdvice("Taobao's affiliate service refused the call with a code it does not document (-4003)", "check that the app has this API's permission and the PID or adzone is yours (Test-TbkPid -Online), then ask Alimama support with the request_id of the error",
                "淘宝联盟服务以未公开说明的代码 -4003 拒绝了调用", "确认应用有此 API 的权限、PID 或推广位属于你（Test-TbkPid -Online），再带上错误中的 request_id 联系阿里妈妈客服"),
            ["isv.invalid-parameter:title"] = new TopErrorAdvice("The title is empty or too long", "keep it within 60 bytes: a Chinese character counts 2, so at most 30 Chinese characters",
                "标题为空或过长", "标题不超过 60 字节：一个汉字算 2 字节，即最多 30 个汉字"),
            ["isv.invalid-parameter:desc"] = new TopErrorAdvice("The description is too short or too long", "give a description longer than 5 and shorter than 25,000 characters",
                "商品描述过短或过长", "描述须多于 5 个且少于 25000 个字符"),
            ["isv.invalid-parameter:quantity"] = new TopErrorAdvice("The stock would leave 0–999,999", "check the change; Set-TaobaoItemQuantity -Incremental adds to the current stock",
                "库存会超出 0–999999 的范围", "检查改动；Set-TaobaoItemQuantity -Incremental 是在当前库存上增减"),
            ["isv.invalid-parameter:outer_id"] = new TopErrorAdvice("Too many 商家编码 (outer ids) in one look-up", "look up at most 40 at a time; Get-TaobaoItem -OuterId splits longer lists itself",
                "一次查询的商家编码过多", "每次最多查询 40 个；Get-TaobaoItem -OuterId 会自动拆分更长的列表"),
            ["isv.item-img-count-exceeded"] = new TopErrorAdvice("An item has at most 5 main pictures", "remove a picture before adding another",
                "一个商品最多 5 张主图", "先删除一张再添加"),
            ["isv.item-img-not-exist"] = new TopErrorAdvice("The picture is not in the shop's picture space", "upload it first with Add-TaobaoPicture and use the id it returns",
                "图片不在店铺的图片空间中", "先用 Add-TaobaoPicture 上传，再使用它返回的 id"),
            ["27"] = new TopErrorAdvice("The session is invalid or has expired", "renew it with Update-TaobaoTopToken, or connect again with a new -Session",
                "授权（session）无效或已过期", "用 Update-TaobaoTopToken 续期，或用新的 -Session 重新连接"),
        };
    }
}
