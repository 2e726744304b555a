using System;
using System.Linq;
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
                ThrowInputError(Resources.Messages.Get("NothingToSet"), "NothingToSet", ErrorCategory.InvalidArgument, null);
            }
        }

        protected override void OnRecord()
        {
            var target = ExternalUserId + " (" + UserId + ")";
            if (Remark != null && Remark.Length > MaxRemark)
            {
                WriteInputError(Resources.Messages.Format("RemarkTooLong", target, Remark.Length, MaxRemark), "InvalidWeComArgument", ErrorCategory.InvalidArgument, target);
                return;
            }
            if (Description != null && Description.Length > MaxDescription)
            {
                WriteInputError(Resources.Messages.Format("DescriptionTooLong", target, Description.Length, MaxDescription), "InvalidWeComArgument", ErrorCategory.InvalidArgument, target);
                return;
            }
            var what = string.Join(Resources.Messages.Get("ListSeparator"), new[] { Remark != null ? Resources.Messages.Format("RemarkValue", Remark) : null, Description != null ? Resources.Messages.Format("DescriptionValue", Description) : null }.Where(w => w != null));
            if (!ShouldProcess(target, Resources.Messages.Format("SetCustomerAction", what))) return;
            Attempt(target, () => Call((contacts, ct) => contacts.RemarkAsync(UserId, ExternalUserId, Remark, Description, ct)));
        }
    }
}
