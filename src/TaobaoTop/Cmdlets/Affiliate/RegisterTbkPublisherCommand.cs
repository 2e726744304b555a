using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Registers the session's user as a channel or member under the promoter with an invite code (私域用户备案,
    /// taobao.tbk.sc.publisher.info.save). Registering again answers the existing registration.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "TbkPublisher", SupportsShouldProcess = true)]
    [OutputType(typeof(TbkPublisher))]
    public sealed class RegisterTbkPublisherCommand : TbkCmdlet
    {
        /// <summary>From Get-TbkInviteCode.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string InviteCode { get; set; } = null!;

        /// <summary>Relation (渠道, relation_id) or Member (会员, special_id); must match the invite code's kind.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("PublisherType")]
        public TbkPublisherType Kind { get; set; } = TbkPublisherType.Channel;

        /// <summary>Where a channel promotes online (online_scene, e.g. 1 微信群).</summary>
        [Parameter]
        public string OnlineScene { get; set; } = null!;

        /// <summary>Where a channel promotes offline (offline_scene).</summary>
        [Parameter]
        public string OfflineScene { get; set; } = null!;

        [Parameter]
        public string Note { get; set; } = null!;

        /// <summary>How the channel came to you (relation_from).</summary>
        [Parameter]
        public string RelationFrom { get; set; } = null!;

        protected override void OnRecord()
        {
            if (!ShouldProcess(RequireConnection().ToString(), Resources.Messages.Format("RegisterPublisherAction", Kind, InviteCode))) return;
            // Registering again answers the existing registration, so a call whose answer was lost may be sent again.
            var request = new TopRequest("taobao.tbk.sc.publisher.info.save") { IsIdempotent = true }
                .With("inviter_code", InviteCode)
                .With("info_type", (int)Kind)
                .With("online_scene", OnlineScene)
                .With("offline_scene", OfflineScene)
                .With("note", Note)
                .With("relation_from", RelationFrom);
            var publisher = Fetch(request, body => TbkAnswers.SavedPublisher(body, Kind, null), InviteCode);
            if (publisher != null) WriteObject(publisher);
        }
    }
}
