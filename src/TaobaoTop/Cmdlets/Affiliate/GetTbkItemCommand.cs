using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Binds;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Item details (taobao.tbk.item.info.upgrade.get; -Detailed: item.details.upgrade.get) for ids, item links,
    /// 淘口令 texts or item objects, sent in batches of the API's size.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TbkItem")]
    [OutputType(typeof(TbkItem))]
    public sealed class GetTbkItemCommand : TbkCmdlet
    {
        // item_id takes at most 20 ids.
        private const int BatchSize = 20;

        private readonly List<(string ItemId, string Input)> _pending = new List<(string, string)>();

        /// <summary>Item ids, item URLs, 淘口令 texts or item objects.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ItemId")]
        [ValidateNotNull]
        public TbkItemBind[] Item { get; set; } = null!;

        /// <summary>Calls the detailed variant: sub title and all pictures.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override void OnRecord()
        {
            foreach (var input in Item)
            {
                var id = ItemIdOf(input);
                if (id == null) continue;
                _pending.Add((id, input.Input));
                if (_pending.Select(p => p.ItemId).Distinct().Count() == BatchSize) Flush();
            }
        }

        protected override void OnEnd()
        {
            if (_pending.Count > 0) Flush();
        }

        /// <summary>The item id the input names, resolving a 淘口令 with a call; null after writing why there is none.</summary>
        private string? ItemIdOf(TbkItemBind input)
        {
            switch (input.Kind)
            {
                case TbkReferenceKind.ItemId:
                    return input.Value;
                case TbkReferenceKind.LegacyItemId:
                    WriteLegacyIdError(input.Value);
                    return null;
                case TbkReferenceKind.Url:
                    var fromUrl = TbkItemReference.ItemIdInUrl(input.Value);
                    if (fromUrl == null) WriteInputError(Resources.Messages.Format("NoItemInUrl", input.Input), "NoItemInUrl", ErrorCategory.InvalidArgument, input.Input);
                    else if (TbkItemReference.IsLegacyItemId(fromUrl)) WriteLegacyIdError(fromUrl);
                    else return fromUrl;
                    return null;
                case TbkReferenceKind.Password:
                    TbkPasswordText.TryFind(input.Input, out var code);
                    var parsed = Fetch(new TopRequest("taobao.tbk.tpwd.parse").With("password_content", input.Input.Trim()), body => TbkAnswers.ParsedPassword(body, input.Input, code), input.Input);
                    if (parsed == null) return null;
                    if (parsed.ItemId == null) WriteInputError(Resources.Messages.Format("PasswordNotAnItem", input.Input, parsed.Url), "PasswordNotAnItem", ErrorCategory.InvalidArgument, input.Input);
                    return parsed.ItemId;
                default:
                    WriteInputError(Resources.Messages.Format("NotItemInput", input.Input), "UnrecognisedInput", ErrorCategory.InvalidArgument, input.Input);
                    return null;
            }
        }

        private void Flush()
        {
            var pending = _pending.ToList();
            _pending.Clear();
            var ids = pending.Select(p => p.ItemId).Distinct().ToList();
            var request = TbkApi.ItemDetails(ids, Detailed);
            // 无结果 means none of the ids was found, reported per id below.
            var items = Attempt(string.Join(",", ids), () => CallAllowingNoResult(request) is TopResponse response ? ReadAnswer(response, TbkItemDetails.Read) : new List<TbkItem>());
            if (items == null) return;
            foreach (var (itemId, input) in pending)
            {
                var item = items.FirstOrDefault(i => i.ItemId == itemId);
                if (item != null) WriteObject(item);
                else WriteInputError(Resources.Messages.Format("TbkItemNotFound", input), "ItemNotFound", ErrorCategory.ObjectNotFound, input);
            }
        }
    }
}
