using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>淘口令预警及拦截: which of the promoter's PIDs (or a PID's channels) had their 淘口令 warned about or blocked.</summary>
    public sealed partial class AffiliateModule
    {
        private void RegisterRisk(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.dg.tpwd.risk.report", false, false, call => Locked(call, PasswordRisk));
            registry.Add("taobao.tbk.sc.tpwd.risk.report", true, false, call => Locked(call, PasswordRisk));
        }

        /// <summary>
        /// Without pid: the account's PIDs on the list; with pid: that PID's channels on it. status "0" 预警, "1" 拦截
        /// (拦截 wins when both). Paged by offset and limit (at most 1000).
        /// </summary>
        private JsonObject PasswordRisk(ApiCall call)
        {
            call.Required("offset");
            call.Required("limit");
            var offset = Arguments.Int(call, "offset", 0, 0, int.MaxValue);
            var limit = Arguments.Int(call, "limit", 20, 1, 1000);
            var pid = call.Optional("pid");
            List<JsonObject> listed;
            if (pid == null)
            {
                listed = _state.Adzones.Where(a => Flag(a.Pid) != null)
                    .Select(a => new JsonObject { ["pid"] = a.Pid, ["status"] = Flag(a.Pid) }).ToList();
            }
            else
            {
                if (!_state.Adzones.Any(a => a.Pid == pid)) throw TopApiException.Business("isv.invalid-parameter", "pid不存在或不属于当前账号: " + pid);
                listed = _state.Publishers.Where(p => p.Kind == PublisherKind.Relation && Flag(pid + "|" + p.Id) != null)
                    .Select(p => new JsonObject { ["rid"] = p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = Flag(pid + "|" + p.Id) }).ToList();
            }
            var page = listed.Skip(offset).Take(limit).Select(entry => (JsonNode)entry);
            return new JsonObject { ["result"] = new JsonObject { ["status_list"] = call.List("data_map", page) } };
        }

        /// <summary>About half of the PIDs and channels are on the list, a third of those blocked.</summary>
        private string? Flag(string key)
        {
            var roll = new SeededRandom(Links.Hash(_seed + "|risk|" + key)).Next(6);
            return roll < 1 ? "1" : roll < 3 ? "0" : null;
        }
    }
}
