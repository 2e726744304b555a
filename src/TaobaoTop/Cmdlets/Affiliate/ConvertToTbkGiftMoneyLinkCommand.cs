using System;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// 淘礼金三方链接转换 (taobao.tbk.dg.vegas.tlj.share.convert): another party's 淘礼金 link as a link of the caller's
    /// adzone, so the caller shares in what it brings. Each link is one call; a refused one is an error naming it.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "TbkGiftMoneyLink")]
    [OutputType(typeof(TbkGiftMoneyLink))]
    public sealed class ConvertToTbkGiftMoneyLinkCommand : TbkPromotionCmdlet
    {
        /// <summary>The 淘礼金 link (send_url); from New-TbkGiftMoney by its Url.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OriginUrl")]
        [ValidateNotNullOrEmpty]
        public string Url { get; set; } = null!;

        protected override void OnRecord()
        {
            if (!Uri.TryCreate(Url.Trim(), UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
            {
                WriteInputError(Resources.Messages.Format("GiftMoneyLinkNotUrl", Url), "NotALink", ErrorCategory.InvalidArgument, Url);
                return;
            }
            var request = WithAdzone(new TopRequest("taobao.tbk.dg.vegas.tlj.share.convert"), false).With("origin_url", link.AbsoluteUri);
            var converted = FetchAnswer(request, response => TbkToolAnswers.GiftMoneyLink(response, Url, SelectedAdzoneId), Url);
            if (converted != null) WriteObject(converted);
        }
    }
}
