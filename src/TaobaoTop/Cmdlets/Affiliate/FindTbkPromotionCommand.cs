using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// 权益物料精选 (taobao.tbk.dg.optimus.promotion; -AsServiceProvider for the sc version): the coupons recommended
    /// under a promotion material id, page by page (ten a page, the API's most), each with the items it suits.
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "TbkPromotion")]
    [OutputType(typeof(TbkPromotion))]
    public sealed class FindTbkPromotionCommand : TbkPromotionCmdlet
    {
        // The API serves at most ten promotions a page.
        private const int PageSize = 10;

        /// <summary>The promotion material id (权益物料ID) from the Alimama console.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long PromotionId { get; set; }

        /// <summary>At most this many promotions; ten (one page) when omitted.</summary>
        [Parameter]
        [ValidateRange(1, 10000)]
        public int First { get; set; } = PageSize;

        /// <summary>Calls taobao.tbk.sc.optimus.promotion (tool service providers; needs -Pid and a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord() => Attempt(PromotionId, () =>
        {
            var written = 0;
            for (var pageNum = 1; written < First; pageNum++)
            {
                var request = WithAdzone(new TopRequest(AsServiceProvider ? "taobao.tbk.sc.optimus.promotion" : "taobao.tbk.dg.optimus.promotion"), AsServiceProvider)
                    .With("promotion_id", PromotionId)
                    .With("page_num", pageNum)
                    .With("page_size", PageSize);
                var response = CallAllowingNoResult(request);
                if (response == null) return;
                var promotions = Read(response, body => TbkToolAnswers.Promotions(body, PromotionId));
                foreach (var promotion in promotions)
                {
                    if (written >= First) return;
                    WriteObject(promotion);
                    written++;
                }
                if (promotions.Count < PageSize) return;
            }
        });
    }
}
