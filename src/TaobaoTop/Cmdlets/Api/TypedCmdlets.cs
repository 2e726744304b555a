using System;
using System.Collections.Generic;
using System.Linq;

namespace TaobaoTop.Cmdlets.Api
{
    /// <summary>Which cmdlets call which TOP APIs, so Get-TaobaoApi can tell the APIs with a typed cmdlet from the rest.</summary>
    internal static class TypedCmdlets
    {
        private static readonly (string Cmdlet, string[] Methods)[] Calls =
        {
            ("Add-TaobaoItem", new[] { "taobao.item.add", "taobao.itemcats.get", "taobao.itemprops.get", "taobao.item.img.upload", "taobao.item.propimg.upload", "taobao.picture.get" }),
            ("Get-TaobaoItemProperty", new[] { "taobao.itemprops.get" }),
            ("Get-TaobaoFreightTemplate", new[] { "taobao.delivery.templates.get" }),
            ("Receive-TaobaoMessage", new[] { "taobao.tmc.user.permit", "taobao.tmc.messages.consume", "taobao.tmc.messages.confirm" }),
            ("Get-TaobaoItem", new[] { "taobao.items.onsale.get", "taobao.items.inventory.get", "taobao.item.seller.get", "taobao.items.custom.get" }),
            ("Set-TaobaoItemPrice", new[] { "taobao.item.price.update", "taobao.item.sku.price.update" }),
            ("Set-TaobaoItemQuantity", new[] { "taobao.item.quantity.update" }),
            ("Publish-TaobaoItem", new[] { "taobao.item.update.listing" }),
            ("Unpublish-TaobaoItem", new[] { "taobao.item.update.delisting" }),
            ("Add-TaobaoPicture", new[] { "taobao.picture.upload" }),
            ("New-TaobaoTopToken", new[] { "taobao.top.auth.token.create" }),
            ("Update-TaobaoTopToken", new[] { "taobao.top.auth.token.refresh" }),
            ("Find-TbkItem", new[] { "taobao.tbk.dg.material.optional.upgrade", "taobao.tbk.sc.material.optional.upgrade", "taobao.tbk.dg.material.recommend", "taobao.tbk.sc.material.recommend" }),
            ("Get-TbkItem", new[] { "taobao.tbk.item.info.upgrade.get", "taobao.tbk.item.details.upgrade.get" }),
            ("ConvertTo-TbkItemId", new[] { "taobao.tbk.itemid.ineffective.transform", "taobao.tbk.item.click.extract" }),
            ("ConvertTo-TbkLink", new[] { "taobao.tbk.dg.general.link.convert", "taobao.tbk.sc.general.link.convert" }),
            ("Resolve-TbkLink", new[] { "taobao.tbk.dg.general.link.parse", "taobao.tbk.sc.general.link.parse" }),
            ("ConvertTo-TbkShopLink", new[] { "taobao.tbk.shop.convert", "taobao.tbk.sc.shop.convert" }),
            ("Get-TbkShop", new[] { "taobao.tbk.shop.get" }),
            ("Get-TbkCoupon", new[] { "taobao.tbk.coupon.get" }),
            ("New-TbkPassword", new[] { "taobao.tbk.tpwd.create", "taobao.tbk.private.tpwd.create", "taobao.tbk.sc.private.tpwd.create" }),
            ("Resolve-TbkPassword", new[] { "taobao.tbk.tpwd.parse", "taobao.tbk.tpwd.convert", "taobao.tbk.sc.tpwd.convert" }),
            ("New-TbkShortLink", new[] { "taobao.tbk.spread.get" }),
            ("New-TbkAdzone", new[] { "taobao.tbk.adzone.create", "taobao.tbk.sc.adzone.create" }),
            ("Get-TbkInviteCode", new[] { "taobao.tbk.sc.invitecode.get" }),
            ("Register-TbkPublisher", new[] { "taobao.tbk.sc.publisher.info.save" }),
            ("Get-TbkPublisher", new[] { "taobao.tbk.sc.publisher.info.get" }),
            ("Get-TbkOrder", new[] { "taobao.tbk.order.details.get", "taobao.tbk.sc.order.details.get" }),
            ("Get-TbkRefundOrder", new[] { "taobao.tbk.relation.refund", "taobao.tbk.sc.relation.refund", "taobao.tbk.order.refund.get", "taobao.tbk.sc.order.refund.get" }),
            ("Get-TbkPunishOrder", new[] { "taobao.tbk.dg.punish.order.get", "taobao.tbk.sc.punish.order.get" }),
            ("Get-TbkActivityLink", new[] { "taobao.tbk.activity.info.get", "taobao.tbk.sc.activity.info.get" }),
            ("New-TbkGiftMoney", new[] { "taobao.tbk.dg.vegas.tlj.create" }),
            ("Get-TbkGiftMoneyReport", new[] { "taobao.tbk.dg.vegas.tlj.report" }),
            ("Stop-TbkGiftMoney", new[] { "taobao.tbk.dg.vegas.tlj.stop" }),
            ("Get-TbkRedPacketStatus", new[] { "taobao.tbk.dg.vegas.send.status", "taobao.tbk.sc.vegas.send.status" }),
            ("Get-TbkRedPacketReport", new[] { "taobao.tbk.dg.vegas.send.report", "taobao.tbk.sc.vegas.send.report" }),
            ("Get-TbkNewUserOrder", new[] { "taobao.tbk.dg.newuser.order.get", "taobao.tbk.sc.newuser.order.get" }),
            ("Get-TbkNewUserSummary", new[] { "taobao.tbk.dg.newuser.order.sum", "taobao.tbk.sc.newuser.order.sum" }),
            ("Get-TbkRelationReport", new[] { "taobao.tbk.sc.rid.report.get" }),
            ("Get-TbkPasswordReport", new[] { "taobao.tbk.dg.tpwd.report.get", "taobao.tbk.sc.tpwd.report.get" }),
            ("ConvertTo-TbkGiftMoneyLink", new[] { "taobao.tbk.dg.vegas.tlj.share.convert" }),
            ("Get-TbkCpaActivityDetail", new[] { "taobao.tbk.dg.cpa.activity.detail" }),
            ("Test-TbkPid", new[] { "taobao.tbk.tbkinfo.get" }),
            ("Get-TbkMemberGroup", new[] { "taobao.tbk.sc.membergroup.optional" }),
            ("New-TbkMemberGroup", new[] { "taobao.tbk.sc.membergroup.optional" }),
            ("Find-TbkPromotion", new[] { "taobao.tbk.dg.optimus.promotion", "taobao.tbk.sc.optimus.promotion" }),
            ("Get-TbkPasswordRisk", new[] { "taobao.tbk.dg.tpwd.risk.report", "taobao.tbk.sc.tpwd.risk.report" }),
        };

        private static readonly Lazy<Dictionary<string, string[]>> ByMethod = new Lazy<Dictionary<string, string[]>>(() =>
            Calls.SelectMany(c => c.Methods.Select(m => (Method: m, c.Cmdlet)))
                .GroupBy(p => p.Method, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Cmdlet).ToArray(), StringComparer.OrdinalIgnoreCase));

        public static IEnumerable<string> CmdletNames => Calls.Select(c => c.Cmdlet);

        public static IEnumerable<string> Methods => ByMethod.Value.Keys;

        /// <summary>The cmdlets that call <paramref name="method"/>; empty when only Invoke-TaobaoApi does.</summary>
        public static IReadOnlyList<string> For(string method) => ByMethod.Value.TryGetValue(method, out var cmdlets) ? cmdlets : Array.Empty<string>();
    }
}
