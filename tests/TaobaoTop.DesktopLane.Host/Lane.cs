using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core;
using TaobaoTop.Core.Affiliate.Orders;
using TaobaoTop.Core.Items;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Emulator;

namespace TaobaoTop.DesktopLane.Host
{
    /// <summary>The core end to end, each step as a user's first command would touch it; any failure throws.</summary>
    internal static class Lane
    {
        public static void Run(string work, Action<string> say)
        {
            // Signing: the TOP documentation's example.
            var parameters = new Dictionary<string, string>
            {
                ["method"] = "taobao.item.seller.get", ["app_key"] = "12345678", ["session"] = "test",
                ["timestamp"] = "2016-01-01 12:00:00", ["format"] = "json", ["v"] = "2.0", ["sign_method"] = "hmac-sha256",
                ["fields"] = "num_iid,title,nick,price,num", ["num_iid"] = "11223344",
            };
            Check(TopSigner.Sign(parameters, "helloworld", TopSignMethod.HmacSha256) == "04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8", "hmac-sha256 signature");
            say("signed a request");

            // Answers into models (System.Text.Json).
            var answer = TopResponseParser.Parse("taobao.item.seller.get",
                "{\"item_seller_get_response\":{\"item\":{\"num_iid\":520000000001,\"title\":\"纯棉T恤\",\"price\":\"19.90\",\"num\":3},\"request_id\":\"r1\"}}");
            var item = ItemApi.ReadItem(answer);
            Check(item.NumIid == 520000000001 && item.Title == "纯棉T恤" && item.Price == 19.90m, "item model from an answer");
            say("parsed an answer into a model");

            // A GB18030 sheet (CsvHelper, System.Text.Encoding.CodePages) with a PNG main picture (MetadataExtractor).
            var sheet = new ItemSheetReader(Path.Combine(work, "items-gb18030.csv"));
            var rows = sheet.ReadRows().ToList();
            Check(sheet.Encoding.CodePage == 54936, "sheet read as GB18030, not " + sheet.Encoding.WebName);
            Check(rows.Count == 3 && rows[0].Title == "纯棉短袖T恤 1号", "sheet rows: " + string.Join(" | ", rows.Select(r => r.Title)));
            say("read a GB18030 sheet: " + rows.Count + " rows");
            var picture = Path.Combine(work, "main.png");
            Check(new PictureCheck().Problem(picture) == null, "an 800×800 PNG is a valid main picture");
            Check(new PictureCheck().Problem(Path.Combine(work, "small.png")) != null, "a 100×100 PNG is refused");
            say("checked PNG pictures");

            // The core's Chinese messages: its satellite in the module's zh-CN/, found beside TaobaoTop.Core.dll.
            var ui = Thread.CurrentThread.CurrentUICulture;
            Thread.CurrentThread.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            try
            {
                Money.TryParse("59,90", out _, out var refusal);
                Check(refusal != null && refusal.StartsWith("“59,90”不是以元为单位的金额", StringComparison.Ordinal), "a refused price in Chinese under zh-CN: " + refusal);
            }
            finally
            {
                Thread.CurrentThread.CurrentUICulture = ui;
            }
            say("the core's messages are Chinese under zh-CN");

            // The emulator as Connect-TaobaoTop -Emulator wires it.
            var emulator = new TopEmulator(new EmulatorOptions { Seed = 19 });
            var options = new TopClientOptions(EmulatorDefaults.DemoAppKey, new Secret(EmulatorDefaults.DemoAppSecret))
            {
                Session = new Secret(EmulatorDefaults.DemoSession),
                Endpoint = new Uri("http://emulator.taobaotop.invalid" + EmulatorDefaults.GatewayPath),
                Clock = emulator.Options.Clock,
                Qps = 0,
            };
            using (var client = new TopClient(options, emulator.CreateHandler()))
            {
                var now = options.Clock();
                var orders = 0;
                new TbkOrderSync(client).RunAsync(new TbkOrderQuery(now.AddHours(-6), now), order => System.Threading.Interlocked.Increment(ref orders)).GetAwaiter().GetResult();
                Check(orders > 0, "an order sync of six hours found orders");
                say("synced " + orders + " orders");

                var validator = new ItemRowValidator(path => Path.Combine(work, path));
                var results = new List<TaobaoItemResult>();
                var engine = new ItemListingEngine(client, new ItemListingOptions(), null, (result, error) =>
                {
                    lock (results) results.Add(result);
                    if (error != null) say("row " + result.RowNumber + ": " + error.Message);
                });
                var errors = new List<ItemFieldError>();
                foreach (var row in rows)
                {
                    var draft = validator.Validate(row, errors);
                    Check(draft != null, "row " + row.RowNumber + " is valid: " + string.Join("; ", errors.Select(e => e.ToString())));
                    engine.WaitForRoomAsync().GetAwaiter().GetResult();
                    engine.Submit(draft);
                }
                engine.CompleteAsync().GetAwaiter().GetResult();
                Check(results.Count == 3 && results.All(r => r.Status == TaobaoItemStatus.Added && r.NumIid > 0), "three items listed: " + string.Join(", ", results.Select(r => r.Status)));
                say("listed " + results.Count + " items with their pictures");
            }

            // The network path. .NET Framework's HttpClientHandler runs on HttpWebRequest, whose ServicePoint for the
            // gateway holds the per-host connection limit (2 outside ASP.NET) and Expect: 100-continue (on by default).
            ServicePointManager.DefaultConnectionLimit = 2;
            ServicePointManager.Expect100Continue = true;
            ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
            using (new TopClient(new TopClientOptions("12345678", new Secret("helloworld"))))
            {
                Check(ServicePointManager.SecurityProtocol == SecurityProtocolType.SystemDefault, "the system's TLS choice is left alone: " + ServicePointManager.SecurityProtocol);
            }
            // A machine that pinned TLS 1.0 gets TLS 1.2 added, not TLS 1.0 taken away.
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;
            using (var gateway = new LoopbackGateway(expected: 6))
            using (var client = new TopClient(new TopClientOptions("12345678", new Secret("helloworld")) { Endpoint = gateway.Endpoint, Session = new Secret("test-session"), Qps = 0 }))
            {
                var protocols = ServicePointManager.SecurityProtocol;
                Check(protocols == (SecurityProtocolType.Tls | SecurityProtocolType.Tls12), "TLS 1.2 added to what was there: " + protocols);
                var point = ServicePointManager.FindServicePoint(gateway.Endpoint);
                Check(point.ConnectionLimit >= 256, "connections to the gateway are not limited to " + point.ConnectionLimit);
                Check(!point.Expect100Continue, "no Expect: 100-continue round trip before each POST");

                // What a user notices; Mono's handler ignores the ServicePoint, so here only the checks above can fail.
                var calls = Enumerable.Range(0, gateway.Expected).Select(_ => client.InvokeAsync(new TopRequest("taobao.item.seller.get").With("num_iid", 1))).ToArray();
                Task.WaitAll(calls);
                Check(gateway.MostAtOnce >= gateway.Expected, gateway.Expected + " calls at once reach the gateway together, not " + gateway.MostAtOnce);
                Check(!gateway.SawExpectContinue, "no Expect: 100-continue");
                say("called a loopback gateway " + gateway.MostAtOnce + " at once, no Expect: 100-continue, TLS 1.2 added");
            }
        }

        private static void Check(bool condition, string what)
        {
            if (!condition) throw new InvalidOperationException("check failed: " + what);
        }
    }
}
