using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    public sealed partial class AffiliateModule
    {
        private void RegisterPublishers(ApiRegistry registry)
        {
            registry.Add("taobao.tbk.adzone.create", false, true, call => Locked(call, CreateAdzone));
            registry.Add("taobao.tbk.sc.adzone.create", true, true, call => Locked(call, CreateAdzone));
            registry.Add("taobao.tbk.sc.invitecode.get", true, true, call => Locked(call, InviteCodeOf));
            registry.Add("taobao.tbk.sc.publisher.info.save", true, true, call => Locked(call, SavePublisher));
            registry.Add("taobao.tbk.sc.publisher.info.get", true, false, call => Locked(call, FindPublishers));
        }

        private static readonly string[] OnlineScenes = { "微信群", "QQ群", "其他" };
        private static readonly string[] OfflineScenes = { "门店", "学校", "工厂", "其他" };

        /// <summary>info_type: 1 渠道, 2 会员; anything else is TOP's 30501.</summary>
        private static int InfoType(ApiCall call)
        {
            var text = call.Required("info_type");
            if (text != "1" && text != "2") throw TopApiException.Business("30501", "输入参数info_type非法");
            return text == "1" ? 1 : 2;
        }

        /// <summary>Registration takes scene codes (1 微信群 …); lookup answers their names.</summary>
        private static string? SceneText(string? code, string[] names)
            => code == null ? null : int.TryParse(code, out var index) && index >= 1 && index <= names.Length ? names[index - 1] : code;

        private JsonObject CreateAdzone(ApiCall call)
        {
            var siteId = Arguments.RequiredLong(call, "site_id");
            var name = call.Required("adzone_name");
            if (name.Length > 64) throw TopApiException.InvalidArgument("adzone_name", "推广位名称最长64个字符");
            if (!_state.Sites.ContainsKey(siteId)) throw TopApiException.Business("isv.invalid-parameter", "媒体不存在或不属于当前账号: " + siteId);
            var adzone = new Adzone(_state.NextAdzoneId(), siteId, name, call.Now);
            _state.Adzones.Add(adzone);
            return new JsonObject { ["data"] = new JsonObject { ["model"] = adzone.Pid } };
        }

        private JsonObject InviteCodeOf(ApiCall call)
        {
            var relationApp = call.Required("relation_app");
            call.Required("code_type");
            var codeType = Arguments.Int(call, "code_type", 0, 1, 3);
            var relationId = Arguments.OptionalLong(call, "relation_id");
            // 渠道裂变 invites under an existing channel.
            if (codeType == 2)
            {
                if (relationId == null) throw TopApiException.MissingArgument("relation_id");
                if (_state.FindPublisher(PublisherKind.Relation, relationId.Value) == null)
                    throw TopApiException.Business("isv.invalid-parameter", "渠道关系ID不存在: " + relationId);
            }
            // A promoter's invite code for the same purpose does not change.
            var code = Links.Token(_seed + "|" + relationApp + "|" + codeType + "|" + relationId, 6).ToUpperInvariant();
            _state.InviteCodes[code] = new InviteCode(code, relationApp, codeType, relationId);
            return new JsonObject { ["data"] = new JsonObject { ["inviter_code"] = code } };
        }

        private JsonObject SavePublisher(ApiCall call)
        {
            var codeText = call.Required("inviter_code");
            var infoType = InfoType(call);
            if (!_state.InviteCodes.TryGetValue(codeText.ToUpperInvariant(), out var code))
                throw TopApiException.Business("isv.invalid-parameter", "邀请码不存在: " + codeText);
            var kind = (PublisherKind)infoType;
            if ((kind == PublisherKind.Special) != (code.CodeType == 3))
                throw TopApiException.Business("isv.invalid-parameter", "邀请码类型与备案类型(info_type)不一致");
            var user = call.SessionUser ?? throw new TopApiException(26, "Missing session");

            var publisher = _state.Publishers.FirstOrDefault(p => p.Kind == kind && p.AccountName == user);
            string desc;
            if (publisher != null)
            {
                desc = kind == PublisherKind.Relation ? "重复绑定渠道" : "重复绑定粉丝";
            }
            else
            {
                publisher = new Publisher
                {
                    Kind = kind,
                    Id = _state.NextPublisherId(kind),
                    AccountName = user,
                    RelationApp = code.RelationApp,
                    InviterCode = code.Code,
                    CreateDate = call.Now,
                    RegisteredAt = call.Now,
                    OnlineScene = call.Optional("online_scene"),
                    OfflineScene = call.Optional("offline_scene"),
                    Note = call.Optional("note"),
                    RelationFrom = call.Optional("relation_from"),
                };
                _state.Publishers.Add(publisher);
                desc = "绑定成功";
            }
            var data = new JsonObject { ["account_name"] = publisher.AccountName, ["desc"] = desc };
            data[kind == PublisherKind.Relation ? "relation_id" : "special_id"] = publisher.Id;
            return new JsonObject { ["data"] = data };
        }

        private JsonObject FindPublishers(ApiCall call)
        {
            var kind = (PublisherKind)InfoType(call);
            var relationApp = call.Required("relation_app");
            // The doc counts pages from 0 and defaults to 1; both 0 and 1 give the first page.
            var pageNo = Math.Max(1, Arguments.Int(call, "page_no", 1, 0, int.MaxValue));
            var pageSize = Arguments.Int(call, "page_size", 10, 1, 100);
            var relationId = Arguments.OptionalLong(call, "relation_id");
            var specialId = Arguments.OptionalLong(call, "special_id");
            var externalId = call.Optional("external_id");

            var matches = _state.Publishers
                .Where(p => p.Kind == kind && p.RelationApp == relationApp
                    && (relationId == null || (p.Kind == PublisherKind.Relation && p.Id == relationId))
                    && (specialId == null || (p.Kind == PublisherKind.Special && p.Id == specialId))
                    && (externalId == null || p.ExternalId == externalId))
                .OrderBy(p => p.Id)
                .ToList();
            var page = matches.Skip((pageNo - 1) * pageSize).Take(pageSize).Select(p =>
            {
                var entry = new JsonObject
                {
                    ["relation_app"] = p.RelationApp,
                    ["create_date"] = TopTime.ToText(p.CreateDate),
                    ["account_name"] = p.AccountName,
                    ["real_name"] = p.AccountName.Substring(0, 1) + "**",
                    ["punish_status"] = "0",
                    ["root_pid"] = EmulatorDefaults.DemoPid,
                };
                entry[p.Kind == PublisherKind.Relation ? "relation_id" : "special_id"] = p.Id;
                if (SceneText(p.OnlineScene, OnlineScenes) is string online) entry["online_scene"] = online;
                if (SceneText(p.OfflineScene, OfflineScenes) is string offline) entry["offline_scene"] = offline;
                if (p.Note != null) entry["note"] = p.Note;
                if (p.ExternalId != null) entry["external_id"] = p.ExternalId;
                return (JsonNode)entry;
            });
            var data = new JsonObject
            {
                ["total_count"] = matches.Count,
                ["inviter_list"] = call.List("map_data", page),
            };
            if (kind == PublisherKind.Relation)
                data["root_pid_channel_list"] = call.List("string", _state.Adzones.Select(a => (JsonNode)a.Pid));
            return new JsonObject { ["data"] = data };
        }
    }
}
