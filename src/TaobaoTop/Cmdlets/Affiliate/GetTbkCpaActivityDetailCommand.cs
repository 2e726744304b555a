using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// CPA活动执行明细 (taobao.tbk.dg.cpa.activity.detail): the reward rows of a CPA activity the promoter takes part in,
    /// estimated and settled, page by page; an activity TOP refuses is an error naming its event id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkCpaActivityDetail")]
    [OutputType(typeof(TbkCpaActivityDetail))]
    public sealed class GetTbkCpaActivityDetailCommand : TbkCmdlet
    {
        /// <summary>The activity's id (event_id) from the Alimama console.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EventId { get; set; } = null!;

        /// <summary>Only estimated or only settled rows; both when omitted.</summary>
        [Parameter]
        public TbkCpaDetailKind? Kind { get; set; }

        /// <summary>At most this many rows per activity.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int First { get; set; } = int.MaxValue;

        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        protected override void OnRecord() => Attempt(EventId, () =>
        {
            var written = 0;
            for (var pageNo = 1; written < First; pageNo++)
            {
                var request = new TopRequest("taobao.tbk.dg.cpa.activity.detail")
                    .With("event_id", EventId)
                    .With("page_no", pageNo)
                    .With("page_size", PageSize);
                var page = ReadAnswer(CallApi(request), response => TbkToolAnswers.CpaActivityDetailPage(response, EventId));
                foreach (var row in page.Items)
                {
                    if (written >= First) return;
                    if (Kind != null && row.Kind != Kind) continue;
                    WriteObject(row);
                    written++;
                }
                if (!page.HasNext || page.Items.Count == 0) return;
            }
        });
    }
}
