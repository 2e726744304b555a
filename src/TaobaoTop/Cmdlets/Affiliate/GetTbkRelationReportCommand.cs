using System;
using System.Collections.Generic;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Conversion;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// What a channel (relation id) sold per day (taobao.tbk.sc.rid.report.get, a tool service provider API that needs a
    /// session): orders, amount and buyers, split into the owner's own purchases and the rest.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkRelationReport")]
    [OutputType(typeof(TbkRelationReport))]
    public sealed class GetTbkRelationReportCommand : TbkCmdlet
    {
        /// <summary>渠道关系ID; by property name from Get-TbkPublisher, Get-TbkOrder and other outputs.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public long RelationId { get; set; }

        /// <summary>The days (TOP time); yesterday when omitted.</summary>
        [Parameter(Position = 1)]
        public DateTime[] Date { get; set; } = null!;

        /// <summary>Only orders of this media (site, the second number of a PID).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long SiteId { get; set; }

        protected override void OnRecord()
        {
            if (RelationId <= 0)
            {
                WriteInputError(Resources.Messages.Format("InvalidRelationId", RelationId), "InvalidRelationId", ErrorCategory.InvalidArgument, RelationId);
                return;
            }
            var days = Date ?? new[] { TopTime.ToTopZone(RequireConnection().Client.Options.Clock()).Date.AddDays(-1) };
            foreach (var day in days)
            {
                var date = TopTimes.FromParameter(day.Date);
                long? siteId = SiteId > 0 ? SiteId : (long?)null;
                var request = TbkApi.RelationReport(date, RelationId, siteId);
                var target = RelationId + " " + TbkApi.BizDate(date);
                var report = FetchAnswer(request, response => TbkPromotionAnswers.RelationReport(response, date, RelationId, siteId), target);
                if (report != null) WriteObject(report);
            }
        }
    }
}
