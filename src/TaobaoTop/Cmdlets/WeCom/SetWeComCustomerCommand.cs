using System.Linq;
using System;
using System.Management.Automation;
using TaobaoTop.Core.Errors;

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

        protected override void BeginProcessing()
        {
            if (Remark == null && Description == null)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(Resources.Messages.Get("NothingToSet")), "NothingToSet", ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void ProcessRecord()
        {
            var target = ExternalUserId + " (" + UserId + ")";
            if (Remark != null && Remark.Length > MaxRemark)
            {
                WriteError(ErrorFor(new ArgumentException(Resources.Messages.Format("RemarkTooLong", target, Remark.Length, MaxRemark)), target));
                return;
            }
            if (Description != null && Description.Length > MaxDescription)
            {
                WriteError(ErrorFor(new ArgumentException(Resources.Messages.Format("DescriptionTooLong", target, Description.Length, MaxDescription)), target));
                return;
            }
            var what = string.Join(Resources.Messages.Get("ListSeparator"), new[] { Remark != null ? Resources.Messages.Format("RemarkValue", Remark) : null, Description != null ? Resources.Messages.Format("DescriptionValue", Description) : null }.Where(w => w != null));
            if (!ShouldProcess(target, Resources.Messages.Format("SetCustomerAction", what))) return;
            try
            {
                Call((contacts, ct) => contacts.RemarkAsync(UserId, ExternalUserId, Remark, Description, ct));
            }
            catch (ServiceException ex)
            {
                WriteError(ErrorFor(ex, target));
            }
        }
    }
}
