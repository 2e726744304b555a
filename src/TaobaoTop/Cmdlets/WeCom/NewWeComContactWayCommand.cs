using System;
using System.Management.Automation;
using TaobaoTop.Base;
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

        protected override void OnRecord()
        {
            var problems = ContactWayRules.Check(State, Remark, User, Party, creating: true);
            if (problems.Count > 0)
            {
                WriteInputError(Resources.Messages.Format("ContactWayProblemsByState", State, string.Join(" ", problems)), "InvalidWeComArgument", ErrorCategory.InvalidArgument, State);
                return;
            }
            if (!ShouldProcess(Resources.Messages.Format(Party.Length > 0 ? "ContactWayTargetWithParty" : "ContactWayTarget", State, string.Join(", ", User), string.Join(", ", Party)), Resources.Messages.Get("CreateContactWayAction"))) return;
            var way = Attempt(State, () => Call((contacts, ct) => contacts.AddContactWayAsync(State, User, Party, Remark, SkipVerify, ct)));
            if (way != null) WriteObject(way);
        }
    }
}
