using System;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>淘口令回流数据: how often a 淘口令 the emulator issued was opened, growing with its age.</summary>
    public sealed partial class AffiliateModule
    {
        private void RegisterPasswordReport(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.dg.tpwd.report.get", false, false, call => Locked(call, PasswordReport));
            registry.Add("taobao.tbk.sc.tpwd.report.get", true, false, call => Locked(call, PasswordReport));
        }

        /// <summary>data{pv, uv, hour_pv, hour_uv}: all opens and those of the last hour; a code the emulator did not issue is 20010.</summary>
        private JsonObject PasswordReport(ApiCall call)
        {
            OwnAdzone(call);
            var text = call.Required("tao_password");
            var password = Links.FindPassword(_state, text) ?? throw TopApiException.Business("20010", "淘口令解析失败");
            var hours = Math.Max(0, (call.Now - password.Created).TotalHours);
            var random = new SeededRandom(Links.Hash(_seed + "|tpwd-report|" + password.Code));
            var perHour = random.Next(5, 60);
            // A chat group opens a new 淘口令 at once, then less and less; after three days hardly at all.
            var firstOpens = random.Next(3, 20);
            var pv = firstOpens + (long)Math.Floor(perHour * Math.Min(hours, 72) + perHour * Math.Max(0, hours - 72) / 10);
            var hourPv = hours < 1 ? pv : hours <= 72 ? perHour : perHour / 10;
            return new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["pv"] = pv,
                    ["uv"] = pv * 7 / 10,
                    ["hour_pv"] = hourPv,
                    ["hour_uv"] = hourPv * 7 / 10,
                },
            };
        }
    }
}
