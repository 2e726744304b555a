using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Creates a member group of Taobao numeric ids (taobao.tbk.sc.membergroup.optional without a group id). Ids from
    /// the pipeline make one group; an id that is not a number is an error naming it and is left out.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TbkMemberGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(TbkMemberGroup))]
    public sealed class NewTbkMemberGroupCommand : TbkCmdlet
    {
        // The API takes at most 100 ids in one call.
        private const int MaxMembers = 100;
        private readonly List<string> _members = new List<string>();

        /// <summary>Taobao numeric ids (淘宝数字id) of the members.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TbNumId")]
        [ValidateNotNullOrEmpty]
        public string[] MemberId { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (var id in MemberId.Select(i => i.Trim()))
            {
                if (id.Length == 0 || !id.All(c => c >= '0' && c <= '9'))
                {
                    WriteInputError(Resources.Messages.Format("MemberIdNotNumber", id), "InvalidMemberId", ErrorCategory.InvalidArgument, id);
                }
                else if (!_members.Contains(id))
                {
                    _members.Add(id);
                }
            }
        }

        protected override void OnEnd()
        {
            if (_members.Count == 0) return;
            if (_members.Count > MaxMembers)
            {
                WriteInputError(Resources.Messages.Format("MemberGroupTooLarge", _members.Count, MaxMembers), "TooManyMembers", ErrorCategory.LimitsExceeded, _members.Count);
                return;
            }
            if (!ShouldProcess(Resources.Messages.Format("MemberGroupTarget", _members.Count), Resources.Messages.Get("MemberGroupAction"))) return;
            var request = new TopRequest("taobao.tbk.sc.membergroup.optional").With("tb_num_ids", string.Join(",", _members));
            var group = Fetch(request, TbkToolAnswers.MemberGroup, string.Join(",", _members));
            if (group != null) WriteObject(group);
        }
    }
}
