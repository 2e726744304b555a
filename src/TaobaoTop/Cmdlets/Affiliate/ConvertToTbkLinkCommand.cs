using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Core.Affiliate;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// 万能转链: item ids, item / shop / activity URLs and share texts into the caller's promotion links, sent in
    /// batches of the API's size. Each input that fails is one error naming it; the others go on.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "TbkLink")]
    [OutputType(typeof(TbkLink))]
    public sealed class ConvertToTbkLinkCommand : TbkPromotionCmdlet
    {
        // item_id_list and material_dto take at most 20 entries each.
        private const int BatchSize = 20;

        private readonly List<string> _itemIds = new List<string>();
        private readonly List<string> _materials = new List<string>();

        // Inputs in arrival order, so links come out in the order they went in.
        private readonly List<(bool IsItem, string Value, string Input)> _pending = new List<(bool, string, string)>();

        /// <summary>Item ids, URLs, share texts or item objects.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ItemId")]
        [ValidateNotNull]
        public TbkItemBind[] InputObject { get; set; } = null!;

        /// <summary>渠道关系ID of a registered channel (Register-TbkPublisher).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long RelationId { get; set; }

        /// <summary>会员运营ID of a registered member.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long SpecialId { get; set; }

        /// <summary>Your own id of the member (with -SpecialId), so orders can be matched to your users.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ExternalId { get; set; } = null!;

        /// <summary>
        /// biz_scene_id: 1 动态ID转链 (the API's default), 2 消费者比价, 3 商品库导购. The documents say a 渠道 (-RelationId)
        /// link in some modes needs 2, or converting it a second time fails.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 3)]
        public int BizSceneId { get; set; }

        /// <summary>promotion_type: 1 自购省, 2 推广赚 (the agent mode's own ids need it).</summary>
        [Parameter]
        [ValidateRange(1, 2)]
        public int PromotionType { get; set; }

        /// <summary>Calls taobao.tbk.sc.general.link.convert (tool service providers; needs -Pid and a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            foreach (var input in InputObject)
            {
                switch (input.Kind)
                {
                    case TbkReferenceKind.ItemId:
                        _itemIds.Add(input.Value);
                        _pending.Add((true, input.Value, input.Input));
                        break;
                    case TbkReferenceKind.Url:
                    case TbkReferenceKind.Password:
                        // The API reads share texts itself; the whole text goes, not just the code.
                        var material = input.Kind == TbkReferenceKind.Password ? input.Input.Trim() : input.Value;
                        _materials.Add(material);
                        _pending.Add((false, material, input.Input));
                        break;
                    case TbkReferenceKind.LegacyItemId:
                        WriteLegacyIdError(input.Value);
                        continue;
                    default:
                        WriteInputError(Resources.Messages.Format("NotLinkMaterial", input.Input), "UnrecognisedInput", ErrorCategory.InvalidArgument, input.Input);
                        continue;
                }
                if (_itemIds.Count == BatchSize || _materials.Count == BatchSize) Flush();
            }
        }

        protected override void OnEnd()
        {
            if (_pending.Count > 0) Flush();
        }

        private void Flush()
        {
            var request = TbkApi.GeneralLinkConvert(_itemIds.ToList(), _materials.ToList(), Adzone(AsServiceProvider), AsServiceProvider, RelationId, SpecialId, ExternalId, BizSceneId, PromotionType);

            var pending = _pending.ToList();
            _pending.Clear();
            _itemIds.Clear();
            _materials.Clear();

            var batch = AttemptBatch(pending.Select(p => p.Input), () => Read(CallApi(request), TbkAnswers.GeneralLinks));
            if (batch is null) return;

            foreach (var entry in pending)
            {
                var link = batch.Results.FirstOrDefault(l => l.Input == entry.Value);
                if (link != null)
                {
                    WriteObject(link);
                    continue;
                }
                var failure = batch.Failures.FirstOrDefault(f => f.Input == entry.Value);
                WriteInputError(
                    Resources.Messages.Format("LinkNotConverted", entry.Input, failure?.Message ?? Resources.Messages.Get("NoEntryInAnswer")),
                    "LinkNotConverted" + (failure?.Code is string code ? ":" + code : string.Empty),
                    ErrorCategory.InvalidResult,
                    entry.Input);
            }
        }
    }
}
