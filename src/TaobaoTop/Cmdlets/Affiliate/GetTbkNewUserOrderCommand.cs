using System;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Conversion;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// The new users the promoter's links brought to a 拉新 activity (taobao.tbk.dg.newuser.order.get; -AsServiceProvider
    /// for the sc version), every page.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkNewUserOrder")]
    [OutputType(typeof(TbkNewUserOrder))]
    public sealed class GetTbkNewUserOrderCommand : TbkCmdlet
    {
        private const int PageSize = 100;

        /// <summary>The 拉新 activity (activity_id), from the Alimama console.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ActivityId { get; set; } = null!;

        /// <summary>Earliest registration, activation or claim, by activity; a time without a zone is TOP time.</summary>
        [Parameter]
        public DateTime? Start { get; set; }

        /// <summary>Latest registration, activation or claim (exclusive).</summary>
        [Parameter]
        public DateTime? End { get; set; }

        /// <summary>Only users brought by this adzone.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long AdzoneId { get; set; }

        /// <summary>Calls taobao.tbk.sc.newuser.order.get (tool service providers; needs a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            var activityId = ActivityId.Trim();
            for (var pageNo = 1; ; pageNo++)
            {
                var request = new TopRequest(AsServiceProvider ? "taobao.tbk.sc.newuser.order.get" : "taobao.tbk.dg.newuser.order.get")
                    .With("activity_id", activityId)
                    .With("page_no", pageNo)
                    .With("page_size", PageSize)
                    .With("start_time", Start.HasValue ? TopTimes.FromParameter(Start.Value) : (DateTimeOffset?)null)
                    .With("end_time", End.HasValue ? TopTimes.FromParameter(End.Value) : (DateTimeOffset?)null)
                    .With("adzone_id", AdzoneId > 0 ? AdzoneId : (long?)null);
                var page = Fetch(request, TbkPromotionAnswers.NewUserPage, activityId);
                if (page == null) return;
                foreach (var user in page.Items) WriteObject(user);
                if (!page.HasNext || page.Items.Count == 0) return;
            }
        }
    }
}
