using System;
using System.Management.Automation;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.WeCom;

namespace TaobaoTop.Cmdlets.WeCom
{
    /// <summary>Creates a「联系我」QR code (渠道活码) whose state tags every customer who adds through it.</summary>
    [Cmdlet(VerbsCommon.New, "WeComContactWay", SupportsShouldProcess = true)]
    [OutputType(typeof(WeComContactWay))]
    public sealed class NewWeComContactWayCommand : WeComCmdlet
    {
        /// <summary>The channel marker, at most 30 characters.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string State { get; set; } = null!;

        /// <summary>Members (userids) who take the adds; several share the load.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public string[] User { get; set; } = Array.Empty<string>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public long[] Party { get; set; } = Array.Empty<long>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Remark { get; set; }

        /// <summary>Customers are added without the member confirming.</summary>
        [Parameter]
        public SwitchParameter SkipVerify { get; set; }

        protected override void ProcessRecord()
        {
            var problems = ContactWayRules.Check(State, Remark, User, Party, creating: true);
            if (problems.Count > 0)
            {
                WriteError(ErrorFor(new ArgumentException("Contact way '" + State + "': " + string.Join(" ", problems)), State));
                return;
            }
            if (!ShouldProcess(Resources.Messages.Format(Party.Length > 0 ? "ContactWayTargetWithParty" : "ContactWayTarget", State, string.Join(", ", User), string.Join(", ", Party)), Resources.Messages.Get("CreateContactWayAction"))) return;
            try
            {
                WriteObject(Call((contacts, ct) => contacts.AddContactWayAsync(State, User, Party, Remark, SkipVerify, ct)));
            }
            catch (ServiceException ex)
            {
                WriteError(ErrorFor(ex, State));
            }
        }
    }
}
