using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// 官方活动转链: an official activity page (会场) by its material id as the caller's long and short link
    /// (taobao.tbk.activity.info.get; -AsServiceProvider for taobao.tbk.sc.activity.info.get).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkActivityLink")]
    [OutputType(typeof(TbkActivityLink))]
    public sealed class GetTbkActivityLinkCommand : TbkPromotionCmdlet
    {
        /// <summary>活动物料ID, from the Alimama console's activity list.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("MaterialId")]
        [ValidateNotNullOrEmpty]
        public string[] ActivityMaterialId { get; set; } = null!;

        /// <summary>渠道关系ID of a registered channel; the link carries it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long RelationId { get; set; }

        /// <summary>Your own tag for the link (union_id), returned in the orders it brings.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string UnionId { get; set; } = null!;

        /// <summary>Calls taobao.tbk.sc.activity.info.get (tool service providers; needs -Pid and a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            foreach (var materialId in ActivityMaterialId)
            {
                long? relationId = RelationId > 0 ? RelationId : (long?)null;
                var request = TbkApi.ActivityInfo(materialId.Trim(), Adzone(AsServiceProvider), AsServiceProvider, UnionId, relationId);
                var link = Fetch(request, body => TbkPromotionAnswers.ActivityLink(body, materialId.Trim(), relationId), materialId);
                if (link != null) WriteObject(link);
            }
        }
    }
}
