using System;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Conversion;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Creates a 淘礼金 (taobao.tbk.dg.vegas.tlj.create) for an item: Count pieces of Amount yuan each, a per-user limit,
    /// a send period and how long a claimed one stays usable. Each item is one 淘礼金; a refused one is an error naming it.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TbkGiftMoney", SupportsShouldProcess = true, DefaultParameterSetName = UseDaysSet)]
    [OutputType(typeof(TbkGiftMoney))]
    public sealed class NewTbkGiftMoneyCommand : TbkPromotionCmdlet
    {
        private const string UseDaysSet = "UseDays";
        private const string UseEndSet = "UseEnd";

        /// <summary>The item, by id or from Find-TbkItem.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ItemId { get; set; } = null!;

        /// <summary>Yuan per 淘礼金: at least 1, at most two decimals.</summary>
        [Parameter(Mandatory = true)]
        public decimal Amount { get; set; }

        /// <summary>How many to send (total_num).</summary>
        [Parameter(Mandatory = true)]
        [ValidateRange(1, 100000)]
        public long Count { get; set; }

        /// <summary>The name consumers see, at most 10 characters.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 10)]
        public string Name { get; set; } = "淘礼金";

        /// <summary>How many one consumer may claim (user_total_win_num_limit).</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public long PerUserLimit { get; set; } = 1;

        /// <summary>When sending starts; now when omitted. Times without a zone are TOP time (+08:00).</summary>
        [Parameter]
        public DateTime? SendStartTime { get; set; }

        /// <summary>When sending ends; a day after the start when omitted.</summary>
        [Parameter]
        public DateTime? SendEndTime { get; set; }

        /// <summary>Days a claimed 淘礼金 stays usable (use_end_time_mode 1).</summary>
        [Parameter(ParameterSetName = UseDaysSet)]
        [ValidateRange(1, 7)]
        public int UseDays { get; set; } = 1;

        /// <summary>The last moment a claimed 淘礼金 can be used (use_end_time_mode 2).</summary>
        [Parameter(Mandatory = true, ParameterSetName = UseEndSet)]
        public DateTime UseEndTime { get; set; }

        /// <summary>Turns off Alimama's check against bulk claiming (security_switch false); on by default.</summary>
        [Parameter]
        public SwitchParameter NoSecurityCheck { get; set; }

        protected override void OnRecord()
        {
            if (TbkItemReference.IsLegacyItemId(ItemId))
            {
                WriteLegacyIdError(ItemId);
                return;
            }
            if (Amount < 1m || decimal.Round(Amount, 2) != Amount)
            {
                WriteInputError(Resources.Messages.Format("GiftMoneyAmountInvalid", ItemId, Amount), "InvalidAmount", ErrorCategory.InvalidArgument, ItemId);
                return;
            }
            var start = SendStartTime.HasValue ? TopTimes.FromParameter(SendStartTime.Value) : TopTime.ToTopZone(RequireConnection().Client.Options.Clock());
            var end = SendEndTime.HasValue ? TopTimes.FromParameter(SendEndTime.Value) : start.AddDays(1);
            var requested = new TbkGiftMoney
            {
                Name = Name,
                ItemId = ItemId,
                AdzoneId = SelectedAdzoneId,
                Amount = Amount + 0.00m,
                Count = Count,
                PerUserLimit = PerUserLimit,
                SendStartTime = start,
                SendEndTime = end,
            };
            if (!ShouldProcess(Resources.Messages.Format("ItemTarget", ItemId), Resources.Messages.Format("CreateGiftMoneyAction", Count, Amount, requested.Budget))) return;

            var request = new TopRequest("taobao.tbk.dg.vegas.tlj.create")
                .With("adzone_id", SelectedAdzoneId)
                .With("item_id", ItemId)
                .With("name", Name)
                .With("per_face", Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))
                .With("total_num", Count)
                .With("user_total_win_num_limit", PerUserLimit)
                .With("security_switch", NoSecurityCheck ? "false" : "true")
                .With("send_start_time", start)
                .With("send_end_time", end);
            if (ParameterSetName == UseEndSet) request.With("use_end_time_mode", 2).With("use_end_time", TopTimes.FromParameter(UseEndTime));
            else request.With("use_end_time_mode", 1).With("use_end_time", UseDays);

            var created = FetchAnswer(request, response => TbkPromotionAnswers.CreatedGiftMoney(response, requested), ItemId);
            if (created != null) WriteObject(created);
        }
    }
}
