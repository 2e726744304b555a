using System;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Whether a consumer has a 红包 waiting to be used (taobao.tbk.dg.vegas.send.status; -AsServiceProvider for the sc
    /// version): by channel or member id, or by a device id or phone number, which is sent only as its MD5 hash.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkRedPacketStatus", DefaultParameterSetName = ChannelSet)]
    [OutputType(typeof(TbkRedPacketStatus))]
    public sealed class GetTbkRedPacketStatusCommand : TbkCmdlet
    {
        private const string ChannelSet = "Channel";
        private const string DeviceSet = "Device";

        /// <summary>渠道关系ID; from Get-TbkPublisher by name (a member there has none, so no range check).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? RelationId { get; set; }

        /// <summary>会员运营ID; from Get-TbkPublisher by name (a channel there has none).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? SpecialId { get; set; }

        /// <summary>What -DeviceId is: Imei, Idfa, Oaid, Mobile or AlipayId.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DeviceSet)]
        [ValidateSet("Imei", "Idfa", "Oaid", "Mobile", "AlipayId")]
        public string DeviceType { get; set; } = null!;

        /// <summary>The device id or phone number in plain text; it is sent as its lower-case MD5 (Alipay ids as they are).</summary>
        [Parameter(Mandatory = true, ParameterSetName = DeviceSet)]
        [ValidateNotNullOrEmpty]
        public string DeviceId { get; set; } = null!;

        /// <summary>The PID the red packets were sent for (推广者 version only).</summary>
        [Parameter]
        [ValidateTbkPid]
        public string Pid { get; set; } = null!;

        /// <summary>1 超级红包 (the API's default), 2 福利购, 3 签到红包, 4 福利直降.</summary>
        [Parameter]
        [ValidateRange(1, 4)]
        public int ActivityCategory { get; set; }

        /// <summary>Calls taobao.tbk.sc.vegas.send.status (tool service providers; needs a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            var byDevice = ParameterSetName == DeviceSet;
            var target = byDevice ? (object)DeviceType : (object?)RelationId ?? SpecialId!;
            if (!byDevice && RelationId == null && SpecialId == null)
            {
                WriteInputError(Resources.Messages.Get("NoConsumer"), "NoConsumer", ErrorCategory.InvalidArgument, null);
                return;
            }
            string? deviceType = null;
            string? deviceValue = null;
            if (byDevice)
            {
                deviceType = DeviceType == "AlipayId" ? "ALIPAY_ID" : DeviceType.ToUpperInvariant();
                deviceValue = deviceType == "ALIPAY_ID" ? DeviceId.Trim() : Md5(DeviceId.Trim());
            }
            var request = TbkApi.RedPacketStatus(AsServiceProvider, RelationId, SpecialId, ActivityCategory, Pid?.Trim(), deviceType, deviceValue);
            var status = Fetch(request, body => TbkPromotionAnswers.RedPacketStatus(body, RelationId, SpecialId, deviceType), target);
            if (status != null) WriteObject(status);
        }

        private static string Md5(string text)
        {
            using (var md5 = MD5.Create())
            {
                var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(text));
                var hex = new StringBuilder(hash.Length * 2);
                foreach (var b in hash) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                return hex.ToString();
            }
        }
    }
}
