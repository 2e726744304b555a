using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>A tool service provider's member group (taobao.tbk.sc.membergroup.optional): its members and times.</summary>
    [Cmdlet(VerbsCommon.Get, "TbkMemberGroup")]
    [OutputType(typeof(TbkMemberGroup))]
    public sealed class GetTbkMemberGroupCommand : TbkCmdlet
    {
        /// <summary>The group's id; from New-TbkMemberGroup by name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] MemberGroupId { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (var id in MemberGroupId)
            {
                var group = Fetch(new TopRequest("taobao.tbk.sc.membergroup.optional").With("member_group_id", id), TbkToolAnswers.MemberGroup, id);
                if (group != null) WriteObject(group);
            }
        }
    }
}
