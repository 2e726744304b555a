using System.Management.Automation;
using TaobaoTop.Emulator;

namespace TaobaoTop.Base
{
    /// <summary>
    /// Base of the cmdlets that act on one 淘礼金: its rights id and the adzone it was created for, both bound by name
    /// from New-TbkGiftMoney's output, so each piped 淘礼金 goes to its own adzone.
    /// </summary>
    public abstract class TbkGiftMoneyCmdlet : TbkCmdlet
    {
        /// <summary>The 淘礼金's id (rights_id), from New-TbkGiftMoney.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string RightsId { get; set; } = null!;

        /// <summary>The adzone the 淘礼金 was created for; the demo adzone on the emulator when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long AdzoneId { get; set; }

        /// <summary>The adzone of the current record, or an error against it and null when none is known.</summary>
        protected long? GiftAdzoneId()
        {
            if (AdzoneId > 0) return AdzoneId;
            if (RequireConnection().IsEmulator) return EmulatorDefaults.DemoAdzoneId;
            WriteInputError(Resources.Messages.Format("GiftMoneyAdzoneRequired", RightsId), "AdzoneRequired", ErrorCategory.InvalidArgument, RightsId);
            return null;
        }
    }
}
