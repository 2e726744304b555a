using System.Globalization;
using TaobaoTop.Core.Channels;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Items;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.WeCom;
using TaobaoTop.Core.Protocol;
using Xunit;

namespace TaobaoTop.Core.Tests;

/// <summary>The core words its messages in the UI language (its zh-CN satellite), English elsewhere.</summary>
public sealed class ChineseCoreTextTests
{
    private static T InUiCulture<T>(string name, Func<T> action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string Unreadable(string culture, string body)
        => InUiCulture(culture, () => Assert.Throws<TopResponseException>(() => TopResponseParser.Parse("taobao.tbk.tpwd.create", body)).Message);

    [Theory]
    [InlineData("", "taobao.tbk.tpwd.create：网关返回 HTTP 200，但响应体为空（不是 TOP 的应答）。可能是代理切断了连接。")]
    [InlineData("<html><head><title>Access denied by proxy</title></head></html>", "taobao.tbk.tpwd.create：网关返回的是标题为“Access denied by proxy”的 HTML 页面，而不是 JSON：")]
    [InlineData("""{"tbk_tpwd_create_response":{"data":""", "taobao.tbk.tpwd.create：网关返回的 JSON 应答在第 36 个字符后被截断：")]
    [InlineData("not json at all", "taobao.tbk.tpwd.create：网关返回的文本不是有效的 JSON（")]
    [InlineData("[1]", "taobao.tbk.tpwd.create：网关返回的 JSON 不是对象：")]
    public void Unreadable_answers_are_Chinese_under_zh_CN(string body, string expected)
        => Assert.StartsWith(expected, Unreadable("zh-CN", body));

    [Theory]
    [InlineData("", "taobao.tbk.tpwd.create: the gateway answered HTTP 200 with an empty body (no TOP answer). A proxy may have cut the connection.")]
    [InlineData("<?xml version=\"1.0\"?><a/>", "taobao.tbk.tpwd.create: the gateway answered XML (TaobaoTop asks for format=json; is this a TOP gateway?) instead of JSON: ")]
    [InlineData("""{"tbk_tpwd_create_response":{"data":""", "taobao.tbk.tpwd.create: the gateway answered a JSON answer cut off after 36 characters: ")]
    [InlineData("[1]", "taobao.tbk.tpwd.create: the gateway answered JSON that is not an object: ")]
    public void Unreadable_answers_stay_English_under_en_US(string body, string expected)
        => Assert.StartsWith(expected, Unreadable("en-US", body));

    [Fact]
    public void A_refused_amount_is_Chinese_under_zh_CN_and_English_under_en_US()
    {
        string? Refusal(string culture) => InUiCulture(culture, () => Money.TryParse("1,2345", out _, out var problem) ? null : problem);
        Assert.Equal("“1,2345”不是以元为单位的金额（例如 19.90 或 1,299.00）：“,”只能分隔千位，小数写在“.”之后", Refusal("zh-CN"));
        Assert.Equal("'1,2345' is not a yuan amount (e.g. 19.90 or 1,299.00): a ',' may only separate thousands, decimals follow a '.'", Refusal("en-US"));
    }

    [Theory]
    [InlineData("zh-CN", "channels.csv 第 2 行：“abc”不是 ID。")]
    [InlineData("en-US", "channels.csv line 2: 'abc' is not an id.")]
    public void A_channel_definition_error_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => Assert.Throws<FormatException>(() => ChannelDefinitionReader.ReadCsv("Channel,AdzoneId\n抖音,abc\n", "channels.csv")).Message));

    [Theory]
    [InlineData("zh-CN", "联系我方式至少需要一名成员（-User）或一个部门（-Party）。")]
    [InlineData("en-US", "A contact way needs at least one member (-User) or department (-Party).")]
    public void A_contact_way_problem_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => Assert.Single(ContactWayRules.Check("s", null, null, null, creating: true))));

    [Theory]
    [InlineData("zh-CN", "taobao.item.get 调用失败：27 Invalid session。session 无效或已过期：请重新授权或刷新令牌。 [request_id r1]")]
    [InlineData("en-US", "taobao.item.get failed: 27 Invalid session. The session is invalid or expired: authorise again or refresh the token. [request_id r1]")]
    public void A_TOP_error_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => new TopApiException("taobao.item.get", 27, "Invalid session", null, null, "r1").Message));

    [Theory]
    [InlineData("zh-CN", "taobao.item.get 需要用户 session（access token），而连接没有；未发送任何内容。")]
    [InlineData("en-US", "taobao.item.get needs a user's session (access token) and the connection has none; nothing was sent.")]
    public void A_call_without_a_session_speaks_the_UI_language(string culture, string expected)
        => Assert.StartsWith(expected, InUiCulture(culture, () => new TopSessionRequiredException("taobao.item.get").Message));

    [Theory]
    [InlineData("zh-CN", "/cgi-bin/gettoken 调用失败：errcode 40001 invalid credential。企业的 Secret 不正确：请在应用详情中核对。")]
    [InlineData("en-US", "/cgi-bin/gettoken failed: errcode 40001 invalid credential. The corp secret is wrong: check it in the app's details.")]
    public void A_WeCom_error_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => new WeComException("/cgi-bin/gettoken", WeComErrorCodes.InvalidSecret, "invalid credential", new ErrorVerdict(ServiceErrorKind.InvalidArgument, isTransient: false)).Message));

    [Theory]
    [InlineData("zh-CN", "：第 3 行有一个未闭合的引号（\"），因此从它到第 4 行的内容都会成为一行。")]
    [InlineData("en-US", ": line 3 opens a quote (\") that is never closed, so everything after it up to line 4 would be one row.")]
    public void An_unclosed_quote_in_a_sheet_speaks_the_UI_language(string culture, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), "taobaotop-quote-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "标题,价格\n衬衫,19.90\n\"长裙,29.90\n连衣裙,39.90\n");
        try
        {
            Assert.Contains(expected, InUiCulture(culture, () => Assert.Throws<InvalidDataException>(() => new ItemSheetReader(path).ReadRows().ToList()).Message));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("zh-CN", "图片 https://img.example/a.jpg 有 5000000 字节；最多接受 3145728 字节。")]
    [InlineData("en-US", "The picture https://img.example/a.jpg is 5000000 bytes; at most 3145728 are taken.")]
    public void A_picture_download_problem_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => new PictureDownloadException("https://img.example/a.jpg", TaobaoTop.Core.Resources.CoreText.Format("PictureUrlTooLarge", 5000000, 3145728)).Message));

    [Theory]
    [InlineData("zh-CN", "items.journal 正被另一个运行占用，它尚未结束。")]
    [InlineData("en-US", "items.journal is in use by another run, which has not finished.")]
    public void A_journal_in_use_speaks_the_UI_language(string culture, string expected)
        => Assert.StartsWith(expected, InUiCulture(culture, () => new ItemJournalInUseException("items.journal", null, new IOException("locked")).Message));

    [Theory]
    [InlineData("zh-CN", "“ban”（无法读出这次封禁的时长，因此不等待）")]
    [InlineData("en-US", "\"ban\" (the length of this ban could not be read, so it is not waited out)")]
    public void A_quota_ban_of_unreadable_length_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => new TopQuotaException(new TopApiException("taobao.tbk.any", 7, "App Call Limited", "accesscontrol.limited-by-app-access-count", "ban", null)).SubMessage));

    [Theory]
    [InlineData("zh-CN", "利润率 30%，+5.00，平台费 5%，尾数向上取 .90，最低 9.90，最高 99.00")]
    [InlineData("en-US", "margin 30%, +5.00, fee 5%, up to .90, floor 9.90, ceiling 99.00")]
    public void A_price_rule_in_words_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => new PriceRule { MarginPercent = 30, AddOn = 5, PlatformFeePercent = 5, Ending = PriceEnding.Point9, Floor = 9.90m, Ceiling = 99m }.ToString()));

    private static System.Text.Json.JsonElement Answer(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("zh-CN", "应答中既没有 data.password_simple 也没有 data.model。")]
    [InlineData("en-US", "The answer has no data.password_simple or data.model.")]
    public void An_affiliate_answer_without_its_password_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => Assert.Throws<FormatException>(() => TaobaoTop.Core.Affiliate.TbkAnswers.Password(Answer("""{"data":{}}"""), "u", null, false)).Message));

    [Theory]
    [InlineData("zh-CN", "应答中没有 item_id。")]
    [InlineData("en-US", "The answer has no item_id.")]
    public void An_affiliate_answer_without_a_field_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => Assert.Throws<FormatException>(() => TaobaoTop.Core.Affiliate.TbkAnswers.ClickItem(Answer("{}"), "https://s.click.taobao.com/x")).Message));

    [Theory]
    [InlineData("zh-CN", "没有这个卖家 ID 的可推广店铺")]
    [InlineData("en-US", "no promotable shop with this seller id")]
    public void An_affiliate_batch_failure_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => Assert.Single(TaobaoTop.Core.Affiliate.TbkAnswers.ShopLinks(Answer("""{"results":[]}"""), new long[] { 42 }).Failures).Message));

    private static string InTemporaryFile(string extension, string content, Func<string, string> read)
    {
        var path = Path.Combine(Path.GetTempPath(), "taobaotop-text-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, content);
        try
        {
            return read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("zh-CN", "中没有有效的 synced_through 时间；请删除它并指定 -Start。")]
    [InlineData("en-US", " has no valid synced_through time; delete it and pass -Start.")]
    public void An_order_sync_state_file_problem_speaks_the_UI_language(string culture, string expected)
        => Assert.EndsWith(expected, InTemporaryFile(".json", "{}", path => InUiCulture(culture, () => Assert.Throws<InvalidDataException>(() => TaobaoTop.Core.Affiliate.Orders.IncrementalOrderState.Load(path)).Message)));

    [Theory]
    [InlineData("zh-CN", " 第 1 行：应为“名称<TAB>首日<TAB>末日”，日期写作 MM-dd（每年）或 yyyy-MM-dd，首日不得晚于末日：双11")]
    [InlineData("en-US", ", line 1: expected name<TAB>first day<TAB>last day, the days as MM-dd (every year) or yyyy-MM-dd, the first not after the last: 双11")]
    public void A_big_sale_calendar_problem_speaks_the_UI_language(string culture, string expected)
        => Assert.EndsWith(expected, InTemporaryFile(".tsv", "双11\n", path => InUiCulture(culture, () => Assert.Throws<FormatException>(() => TaobaoTop.Core.Affiliate.Orders.BigSaleCalendar.Load(path)).Message)));

    [Theory]
    [InlineData("zh-CN", "突增倍数必须大于 1。")]
    [InlineData("en-US", "The spike factor must be above 1.")]
    public void A_channel_report_option_problem_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => Assert.Throws<ArgumentException>(() => new ChannelReportOptions { SpikeFactor = 1 }.Validate()).Message));

    [Theory]
    [InlineData("zh-CN", "渠道 抖音：成本不能为负数。")]
    [InlineData("en-US", "Channel 抖音: the cost cannot be negative.")]
    public void A_channel_with_a_negative_cost_speaks_the_UI_language(string culture, string expected)
        => Assert.StartsWith(expected, InUiCulture(culture, () => Assert.Throws<ArgumentException>(() => new ChannelDefinition("抖音", null, Array.Empty<long>(), Array.Empty<long>(), -1m)).Message));

    /// <summary>A message a user can meet, from each core file that checks arguments or reads files and answers.</summary>
    private static readonly Dictionary<string, Func<string>> UserFacingMessages = new()
    {
        ["TopRequest: no method"] = () => Assert.Throws<ArgumentException>(() => new TopRequest(" ")).Message,
        ["TopRequest: a system parameter"] = () => Assert.Throws<ArgumentException>(() => new TopRequest("taobao.item.get").With("session", "x").CheckParameterNames()).Message,
        ["TopFile: no name"] = () => Assert.Throws<ArgumentException>(() => new TopFile("", new byte[1])).Message,
        ["Secret: empty"] = () => Assert.Throws<ArgumentException>(() => new Secret("")).Message,
        ["TopSigner: no secret"] = () => Assert.Throws<ArgumentException>(() => TopSigner.Sign(new Dictionary<string, string?>(), "", TopSignMethod.Md5)).Message,
        ["TopSigner: unknown method"] = () => Assert.Throws<ArgumentOutOfRangeException>(() => TopSigner.Sign(new Dictionary<string, string?>(), "s", (TopSignMethod)9)).Message,
        ["TopSignMethod: unknown method"] = () => Assert.Throws<ArgumentOutOfRangeException>(() => ((TopSignMethod)9).ToWireName()).Message,
        ["TopClientOptions: no app key"] = () => Assert.Throws<ArgumentException>(() => new TopClientOptions(" ", new Secret("s"))).Message,
        ["WeComClientOptions: no corp id"] = () => Assert.Throws<ArgumentException>(() => new WeComClientOptions("", new Secret("s"))).Message,
        ["TopClient: no refresh token"] = () => Assert.Throws<InvalidOperationException>(() => new TopClient(new TopClientOptions("k", new Secret("s"))).RefreshSessionAsync().GetAwaiter().GetResult()).Message,
        ["TopApiCatalog: short line"] = () => Assert.Throws<FormatException>(() => TaobaoTop.Core.Catalog.TopApiCatalog.Parse(new StringReader("taobao.x\tX")).ToList()).Message,
        ["ItemRow: not a field"] = () => Assert.Throws<KeyNotFoundException>(() => new ItemRow().Set("Colour", "red")).Message,
        ["ItemReference: not an item"] = () => Assert.Throws<FormatException>(() => ItemReference.Parse("abc")).Message,
        ["PriceRule: negative cost"] = () => Assert.Throws<ArgumentOutOfRangeException>(() => new PriceRule().PriceFor(-1)).Message,
        ["TbkPid: not a PID"] = () => Assert.Throws<FormatException>(() => TaobaoTop.TbkPid.Parse("mm_0_1_2")).Message,
        ["TopToken: no token_result"] = () => Assert.Throws<TopResponseException>(() => TaobaoTop.Core.Auth.TopToken.FromResponse(new TopResponse("taobao.top.auth.token.create", Answer("{}"), "{}", null), DateTimeOffset.Now)).Message,
        ["WeComEventFeed: not events"] = () => InTemporaryFile(".json", """{"nothing":1}""", path => Assert.Throws<InvalidDataException>(() => WeComEventFeed.ReadFile(path)).Message),
        ["WeComContactEvent: no time"] = () => InTemporaryFile(".json", """[{"changeType":"add_external_contact"}]""", path => Assert.Throws<InvalidDataException>(() => WeComEventFeed.ReadFile(path)).Message),
        ["WeComCustomerSnapshot: wrong version"] = () => InTemporaryFile(".json", """{"version":2}""", path => Assert.Throws<InvalidDataException>(() => WeComCustomerSnapshot.Load(path)).Message),
        ["WeComCallbackCrypto: short key"] = () => Assert.Throws<ArgumentException>(() => new WeComCallbackCrypto("t", "short", "corp")).Message,
        ["WeComCallbackCrypto: bad signature"] = () => Assert.Throws<WeComCallbackException>(() => new WeComCallbackCrypto("t", new string('a', 43), "corp").Open("bad", "1", "2", "AAAA")).Message,
        ["TbkOrderSync: a page's label"] = () => TaobaoTop.Core.Affiliate.Orders.TbkOrderSync.PageLabel("taobao.tbk.order.details.get", (new DateTimeOffset(2026, 11, 30, 10, 0, 0, TopTime.Offset), new DateTimeOffset(2026, 11, 30, 10, 20, 0, TopTime.Offset)), 2),
    };

    public static TheoryData<string> UserFacingMessageNames => new(UserFacingMessages.Keys);

    private static readonly System.Text.RegularExpressions.Regex Chinese = new(@"\p{IsCJKUnifiedIdeographs}");

    [Theory]
    [MemberData(nameof(UserFacingMessageNames))]
    public void A_user_facing_message_is_Chinese_under_zh_CN_and_English_under_en_US(string name)
    {
        Assert.Matches(Chinese, InUiCulture("zh-CN", UserFacingMessages[name]));
        Assert.DoesNotMatch(Chinese, InUiCulture("en-US", UserFacingMessages[name]));
    }

    [Theory]
    [InlineData("zh-CN", "taobao.item.get：“session”是连接自动设置的系统参数，不能作为业务参数传入；未发送任何内容。会话请通过 -Session 或 Connect-TaobaoTop -Session 传入。")]
    [InlineData("en-US", "taobao.item.get: 'session' is a system parameter that the connection sets, so it cannot be passed as a business parameter; nothing was sent. A session goes through -Session or Connect-TaobaoTop -Session.")]
    public void A_system_parameter_passed_as_a_business_one_speaks_the_UI_language(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, UserFacingMessages["TopRequest: a system parameter"]));

    [Theory]
    [InlineData("zh-CN", "taobao.top.auth.token.refresh：“session”、“sign”是连接自动设置的系统参数，不能作为业务参数传入；未发送任何内容。会话请通过 -Session 或 Connect-TaobaoTop -Session 传入。")]
    [InlineData("en-US", "taobao.top.auth.token.refresh: 'session', 'sign' are system parameters that the connection sets, so they cannot be passed as business parameters; nothing was sent. A session goes through -Session or Connect-TaobaoTop -Session.")]
    public void Several_system_parameters_are_named_together(string culture, string expected)
        => Assert.Equal(expected, InUiCulture(culture, () => Assert.Throws<ArgumentException>(() => new TopRequest("taobao.top.auth.token.refresh").With("session", "x").With("sign", "y").CheckParameterNames()).Message));

    [Fact]
    public void Every_core_text_has_a_Chinese_one_with_the_same_placeholders()
    {
        var manager = new System.Resources.ResourceManager("TaobaoTop.Core.Resources.CoreText", typeof(ChannelDefinition).Assembly);
        static Dictionary<string, string> Texts(System.Resources.ResourceSet set)
            => set.Cast<System.Collections.DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);
        static string Placeholders(string text)
            => string.Join(" ", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+[^}]*\}").Select(match => match.Value).Distinct().OrderBy(value => value, StringComparer.Ordinal));
        var english = Texts(manager.GetResourceSet(CultureInfo.InvariantCulture, true, false)!);
        var chinese = Texts(manager.GetResourceSet(CultureInfo.GetCultureInfo("zh-CN"), true, false)!);
        Assert.Equal(english.Keys.OrderBy(key => key, StringComparer.Ordinal), chinese.Keys.OrderBy(key => key, StringComparer.Ordinal));
        Assert.All(english, entry => Assert.Equal(entry.Key + ": " + Placeholders(entry.Value), entry.Key + ": " + Placeholders(chinese[entry.Key])));
    }
}
