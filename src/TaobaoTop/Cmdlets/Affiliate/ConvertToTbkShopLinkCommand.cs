using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>Shops' promotion links (taobao.tbk.shop.convert), by seller id, in batches of the API's size.</summary>
    [Cmdlet(VerbsData.ConvertTo, "TbkShopLink")]
    [OutputType(typeof(TbkShopLink))]
    public sealed class ConvertToTbkShopLinkCommand : TbkPromotionCmdlet
    {
        // user_ids takes at most 40 sellers.
        private const int BatchSize = 40;

        private readonly List<long> _pending = new List<long>();

        /// <summary>Seller ids (SellerId of Find-TbkItem / Get-TbkItem).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] SellerId { get; set; } = null!;

        /// <summary>Calls taobao.tbk.sc.shop.convert (tool service providers; needs -Pid and a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            foreach (var id in SellerId)
            {
                if (!_pending.Contains(id)) _pending.Add(id);
                if (_pending.Count == BatchSize) Flush();
            }
        }

        protected override void OnEnd()
        {
            if (_pending.Count > 0) Flush();
        }

        private void Flush()
        {
            var ids = _pending.ToList();
            _pending.Clear();
            var request = WithAdzone(new TopRequest(AsServiceProvider ? "taobao.tbk.sc.shop.convert" : "taobao.tbk.shop.convert"), AsServiceProvider)
                .With("user_ids", string.Join(",", ids))
                .With("fields", "user_id,click_url");
            var batch = Fetch(request, body => TbkAnswers.ShopLinks(body, ids), string.Join(",", ids));
            if (batch == null) return;
            foreach (var link in batch.Results) WriteObject(link);
            foreach (var failure in batch.Failures)
            {
                WriteInputError(Resources.Messages.Format("ShopNotConverted", failure.Input, failure.Message), "ShopNotConverted", ErrorCategory.ObjectNotFound, failure.Input);
            }
        }
    }
}
