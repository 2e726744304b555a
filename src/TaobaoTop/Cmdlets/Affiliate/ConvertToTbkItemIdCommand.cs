using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>Old numeric item ids to the new string ids (taobao.tbk.itemid.ineffective.transform), in batches of the API's size.</summary>
    [Cmdlet(VerbsData.ConvertTo, "TbkItemId")]
    [OutputType(typeof(TbkItemIdMap))]
    public sealed class ConvertToTbkItemIdCommand : TbkCmdlet
    {
        // item_ids takes at most 40 ids.
        private const int BatchSize = 40;

        private readonly List<string> _pending = new List<string>();

        /// <summary>Old numeric ids (num_iid).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("NumIid", "OriginalItemId")]
        [ValidateNotNullOrEmpty]
        public string[] ItemId { get; set; } = null!;

        protected override void ProcessRecord()
        {
            foreach (var id in ItemId.Select(i => i.Trim()))
            {
                if (!TbkItemReference.IsLegacyItemId(id))
                {
                    WriteInputError($"'{id}' is not an old numeric item id; string ids need no conversion.", "NotALegacyItemId", ErrorCategory.InvalidArgument, id);
                    continue;
                }
                if (!_pending.Contains(id)) _pending.Add(id);
                if (_pending.Count == BatchSize) Flush();
            }
        }

        protected override void EndProcessing()
        {
            if (_pending.Count > 0) Flush();
        }

        private void Flush()
        {
            var ids = _pending.ToList();
            _pending.Clear();
            var response = TryCall(new TopRequest("taobao.tbk.itemid.ineffective.transform").With("item_ids", string.Join(",", ids)), string.Join(",", ids));
            if (response == null) return;
            var batch = TbkAnswers.ItemIdMaps(response.Body, ids);
            foreach (var map in batch.Results) WriteObject(map);
            foreach (var failure in batch.Failures)
            {
                WriteInputError($"'{failure.Input}' has no current item id: {failure.Message}.", "ItemIdNotConverted", ErrorCategory.ObjectNotFound, failure.Input);
            }
        }
    }
}
