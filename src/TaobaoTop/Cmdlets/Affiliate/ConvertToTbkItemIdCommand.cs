using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Old numeric item ids to the new string ids (taobao.tbk.itemid.ineffective.transform), in batches of the API's
    /// size; click and item links to the id of their item (taobao.tbk.item.click.extract).
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "TbkItemId")]
    [OutputType(typeof(TbkItemIdMap))]
    public sealed class ConvertToTbkItemIdCommand : TbkCmdlet
    {
        // item_ids takes at most 40 ids.
        private const int BatchSize = 40;

        private readonly List<string> _pending = new List<string>();

        /// <summary>Old numeric ids (num_iid), or click and item links.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("NumIid", "OriginalItemId")]
        [ValidateNotNullOrEmpty]
        public string[] ItemId { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (var id in ItemId.Select(i => i.Trim()))
            {
                if (TbkItemReference.Classify(id, out var url) == TbkReferenceKind.Url)
                {
                    ExtractFromLink(id, url);
                    continue;
                }
                if (!TbkItemReference.IsLegacyItemId(id))
                {
                    WriteInputError(Resources.Messages.Format("NotALegacyItemId", id), "NotALegacyItemId", ErrorCategory.InvalidArgument, id);
                    continue;
                }
                if (!_pending.Contains(id)) _pending.Add(id);
                if (_pending.Count == BatchSize) Flush();
            }
        }

        protected override void OnEnd()
        {
            if (_pending.Count > 0) Flush();
        }

        /// <summary>链接解析出商品id (taobao.tbk.item.click.extract): the item a click or item link points to.</summary>
        private void ExtractFromLink(string input, string url)
        {
            var map = Fetch(new TopRequest("taobao.tbk.item.click.extract").With("click_url", url), body => TbkAnswers.ClickItem(body, input), input);
            if (map != null) WriteObject(map);
        }

        private void Flush()
        {
            var ids = _pending.ToList();
            _pending.Clear();
            var batch = Fetch(new TopRequest("taobao.tbk.itemid.ineffective.transform").With("item_ids", string.Join(",", ids)), body => TbkAnswers.ItemIdMaps(body, ids), string.Join(",", ids));
            if (batch == null) return;
            foreach (var map in batch.Results) WriteObject(map);
            foreach (var failure in batch.Failures)
            {
                WriteInputError(Resources.Messages.Format("ItemIdNotConverted", failure.Input, failure.Message), "ItemIdNotConverted", ErrorCategory.ObjectNotFound, failure.Input);
            }
        }
    }
}
