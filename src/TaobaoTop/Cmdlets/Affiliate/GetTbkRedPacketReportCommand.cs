using System;
using System.Globalization;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Conversion;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// 红包 issued and used per day, per 渠道 and per PID (taobao.tbk.dg.vegas.send.report; -AsServiceProvider with
    /// -ActivityId for the sc version). One row per channel or PID and day; yesterday when no -Date is given.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkRedPacketReport")]
    [OutputType(typeof(TbkRedPacketReportRow))]
    public sealed class GetTbkRedPacketReportCommand : TbkCmdlet
    {
        private const int PageSize = 100;

        /// <summary>The days (TOP time), from the pipeline too; yesterday when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public DateTime[] Date { get; set; } = null!;

        /// <summary>Only this channel's row.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? RelationId { get; set; }

        /// <summary>Only this PID's row (推广者 version only).</summary>
        [Parameter]
        [ValidateTbkPid]
        public string Pid { get; set; } = null!;

        /// <summary>The red packet activity; the service-provider version needs it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ActivityId { get; set; } = null!;

        /// <summary>Calls taobao.tbk.sc.vegas.send.report (tool service providers; needs a session and -ActivityId).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnBegin()
        {
            if (AsServiceProvider && ActivityId == null)
            {
                ThrowInputError(Resources.Messages.Get("ActivityIdRequired"), "ActivityIdRequired", ErrorCategory.InvalidArgument, null);
            }
        }

        protected override void OnRecord()
        {
            var days = Date ?? new[] { TopTime.ToTopZone(RequireConnection().Client.Options.Clock()).Date.AddDays(-1) };
            foreach (var day in days)
            {
                var bizDate = TopTimes.FromParameter(day).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                for (var pageNo = 1; ; pageNo++)
                {
                    var request = TbkApi.RedPacketReport(AsServiceProvider, bizDate, RelationId, ActivityId, Pid?.Trim(), pageNo, PageSize);
                    var rows = FetchAnswer(request, response => TbkPromotionAnswers.RedPacketReport(response), bizDate);
                    if (rows == null) break;
                    foreach (var row in rows) WriteObject(row);
                    // Relation and PID rows page together: a short page of both ends the day.
                    if (rows.Count < PageSize) break;
                }
            }
        }
    }
}
