using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>店铺搜索: shops whose title, nick or items match a keyword (taobao.tbk.shop.get), every page when asked.</summary>
    [Cmdlet(VerbsCommon.Get, "TbkShop")]
    [OutputType(typeof(TbkShop))]
    public sealed class GetTbkShopCommand : TbkCmdlet
    {
        private const string Fields = "user_id,shop_title,shop_type,seller_nick,pict_url,shop_url";
        private const int PageSize = 100;

        /// <summary>What to look for, e.g. 手机 or a shop's name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string Keyword { get; set; } = null!;

        /// <summary>Only Tmall shops.</summary>
        [Parameter]
        public SwitchParameter TmallOnly { get; set; }

        /// <summary>At most this many shops (20 by default).</summary>
        [Parameter]
        [ValidateRange(1, 10000)]
        public int First { get; set; } = 20;

        /// <summary>Every shop that matches, page after page (the API pages up to 100 pages).</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        protected override void OnRecord() => Attempt(Keyword, () =>
        {
            var wanted = All ? int.MaxValue : First;
            var written = 0;
            for (var pageNo = 1; pageNo <= 100 && written < wanted; pageNo++)
            {
                var request = new TopRequest("taobao.tbk.shop.get")
                    .With("fields", Fields)
                    .With("q", Keyword)
                    .With("is_tmall", TmallOnly ? (bool?)true : null)
                    .With("page_no", pageNo)
                    .With("page_size", PageSize);
                var response = CallAllowingNoResult(request);
                if (response is null)
                {
                    if (pageNo == 1) WriteVerbose(Resources.Messages.Format("NoShopMatches", Keyword));
                    return;
                }
                var shops = Read(response, body => body.List("results").Select(TbkShop.FromJson).ToList());
                foreach (var shop in shops.Take(wanted - written)) WriteObject(shop);
                written += shops.Count;
                if (shops.Count < PageSize || (long)pageNo * PageSize >= (response.Body.Long("total_results") ?? 0)) return;
            }
        });
    }
}
