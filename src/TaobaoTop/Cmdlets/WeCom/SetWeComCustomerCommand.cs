using System;
using System.Management.Automation;
using TaobaoTop.Base;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>
    /// Sets a member's remark and/or description of customers (externalcontact/remark), e.g. the 会员运营 special id as
    /// <c>special_id=N</c> so the channel report links the customer's orders.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "WeComCustomer", SupportsShouldProcess = true)]
    public sealed class SetWeComCustomerCommand : WeComCmdlet
    {
        public const int MaxRemark = 20;
        public const int MaxDescription = 150;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExternalUserId { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = null!;

        [Parameter]
        [ValidateNotNull]
        public string? Remark { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        protected override void OnBegin()
        {
            if (Remark == null && Description == null)
            {
                ThrowInputError("Give -Remark, -Description or both.", "NothingToSet", ErrorCategory.InvalidArgument, null);
            }
        }

        protected override void OnRecord()
        {
            var target = ExternalUserId + " (" + UserId + ")";
            if (Remark != null && Remark.Length > MaxRemark)
            {
                WriteInputError("The remark for " + target + " has " + Remark.Length + " characters; WeCom takes at most " + MaxRemark + ".", "InvalidWeComArgument", ErrorCategory.InvalidArgument, target);
                return;
            }
            if (Description != null && Description.Length > MaxDescription)
            {
                WriteInputError("The description for " + target + " has " + Description.Length + " characters; WeCom takes at most " + MaxDescription + ".", "InvalidWeComArgument", ErrorCategory.InvalidArgument, target);
                return;
            }
            var what = (Remark != null ? "remark '" + Remark + "'" : string.Empty) + (Remark != null && Description != null ? ", " : string.Empty) + (Description != null ? "description '" + Description + "'" : string.Empty);
            if (!ShouldProcess(target, "Set WeCom customer " + what)) return;
            Attempt(target, () => Call((contacts, ct) => contacts.RemarkAsync(UserId, ExternalUserId, Remark, Description, ct)));
        }
    }
}
