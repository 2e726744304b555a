using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>An invite code for private-domain registration (私域用户邀请码, taobao.tbk.sc.invitecode.get; needs a session).</summary>
    [Cmdlet(VerbsCommon.Get, "TbkInviteCode")]
    [OutputType(typeof(TbkInviteCode))]
    public sealed class GetTbkInviteCodeCommand : TbkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public TbkInviteKind Kind { get; set; }

        /// <summary>The channel that invites, for ChannelFission.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long RelationId { get; set; }

        /// <summary>The promotion scene the users come from (relation_app): common for most.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string RelationApp { get; set; } = "common";

        protected override void OnRecord()
        {
            if (Kind == TbkInviteKind.ChannelFission && RelationId <= 0)
            {
                WriteInputError(Resources.Messages.Get("FissionNeedsRelationId"), "RelationIdRequired", ErrorCategory.InvalidArgument, Kind);
                return;
            }
            var relationId = RelationId > 0 ? RelationId : (long?)null;
            var request = TbkApi.InviteCode(Kind, RelationApp, relationId);
            var code = Fetch(request, body => TbkAnswers.InviteCode(body, Kind, RelationApp, relationId), Kind);
            if (code != null) WriteObject(code);
        }
    }
}
