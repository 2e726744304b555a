using System.Globalization;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// A 拉新 activity day by day (taobao.tbk.dg.newuser.order.sum; -AsServiceProvider for the sc version): how many new
    /// users registered, activated, bought and received, and the reward, every page.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkNewUserSummary")]
    [OutputType(typeof(TbkNewUserSummary))]
    public sealed class GetTbkNewUserSummaryCommand : TbkCmdlet
    {
        private const int PageSize = 100;

        /// <summary>The 拉新 activity (activity_id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ActivityId { get; set; } = null!;

        /// <summary>Only users brought by this adzone.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long AdzoneId { get; set; }

        /// <summary>Only users brought by this media (site).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long SiteId { get; set; }

        /// <summary>The settlement month, e.g. 202611.</summary>
        [Parameter]
        [ValidateRange(200001, 299912)]
        public int SettleMonth { get; set; }

        /// <summary>Calls taobao.tbk.sc.newuser.order.sum (tool service providers; needs a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            var activityId = ActivityId.Trim();
            for (var pageNo = 1; ; pageNo++)
            {
                var request = new TopRequest(AsServiceProvider ? "taobao.tbk.sc.newuser.order.sum" : "taobao.tbk.dg.newuser.order.sum")
                    .With("activity_id", activityId)
                    .With("page_no", pageNo)
                    .With("page_size", PageSize)
                    .With("adzone_id", AdzoneId > 0 ? AdzoneId : (long?)null)
                    .With("site_id", SiteId > 0 ? SiteId : (long?)null)
                    .With("settle_month", SettleMonth > 0 ? SettleMonth.ToString(CultureInfo.InvariantCulture) : null);
                var page = Fetch(request, TbkPromotionAnswers.NewUserSummaryPage, activityId);
                if (page == null) return;
                foreach (var day in page.Items) WriteObject(day);
                if (!page.HasNext || page.Items.Count == 0) return;
            }
        }
    }
}
