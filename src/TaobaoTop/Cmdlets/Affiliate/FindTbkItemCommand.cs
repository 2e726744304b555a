using System;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Conversion;
using TaobaoTop.Core.Affiliate;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Material search (物料搜索升级版) and 物料精选 (-MaterialId alone): streams items page by page, the first page
    /// unless -First or -All asks for more.
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "TbkItem", DefaultParameterSetName = FirstSet)]
    [OutputType(typeof(TbkItem))]
    public sealed class FindTbkItemCommand : TbkPromotionCmdlet
    {
        private const string FirstSet = "First";
        private const string AllSet = "All";

        // The API serves at most 100 pages.
        private const int MaxPageNo = 100;

        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string Keyword { get; set; } = null!;

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long MaterialId { get; set; }

        [Parameter]
        [ValidateCount(1, 10)]
        public long[] CategoryId { get; set; } = null!;

        [Parameter]
        public TbkSort Sort { get; set; }

        /// <summary>Lowest 到手价 (price after coupons).</summary>
        [Parameter]
        [ValidateRange(0, 1000000)]
        [Money]
        public decimal MinPrice { get; set; }

        [Parameter]
        [ValidateRange(0, 1000000)]
        [Money]
        public decimal MaxPrice { get; set; }

        [Parameter]
        public SwitchParameter CouponOnly { get; set; }

        [Parameter]
        public SwitchParameter TmallOnly { get; set; }

        /// <summary>In percent, e.g. 10 for 10%.</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        [Money]
        public decimal MinCommissionRate { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long RelationId { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long SpecialId { get; set; }

        [Parameter(ParameterSetName = FirstSet)]
        [ValidateRange(1, 10000)]
        public int First { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 20;

        /// <summary>Calls the tool service provider's variants (taobao.tbk.sc.material.*; needs -Pid and a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            if (Keyword == null && CategoryId == null && !MyInvocation.BoundParameters.ContainsKey(nameof(MaterialId)))
            {
                ThrowInputError(Resources.Messages.Get("SearchTermRequired"), "SearchTermRequired", ErrorCategory.InvalidArgument, null);
            }
            var recommend = Keyword == null && MyInvocation.BoundParameters.ContainsKey(nameof(MaterialId)) && !HasSearchFilters;
            var method = (AsServiceProvider ? "taobao.tbk.sc." : "taobao.tbk.dg.") + (recommend ? "material.recommend" : "material.optional.upgrade");
            var wanted = All ? long.MaxValue : MyInvocation.BoundParameters.ContainsKey(nameof(First)) ? First : PageSize;
            var pageSize = All ? PageSize : (int)Math.Min(wanted, MyInvocation.BoundParameters.ContainsKey(nameof(PageSize)) ? PageSize : 100);
            var target = (object?)Keyword ?? (MaterialId > 0 ? (object)MaterialId : method);
            long written = 0;
            long? matched = null;
            var paged = All || MyInvocation.BoundParameters.ContainsKey(nameof(First));

            var search = Search();
            for (var pageNo = 1; pageNo <= MaxPageNo && written < wanted; pageNo++)
            {
                var request = TbkApi.MaterialSearch(method, search, Adzone(AsServiceProvider), AsServiceProvider, pageNo, pageSize);
                var noResult = false;
                var page = Attempt(target, () =>
                {
                    var response = CallAllowingNoResult(request);
                    noResult = response is null;
                    return noResult ? new TbkItemPage(Array.Empty<TbkItem>(), null) : ReadAnswer(response!, TbkMaterialPages.Read);
                });
                if (page == null) return;
                if (pageNo == 1 && page.TotalResults is long total)
                {
                    matched = total;
                    WriteVerbose(Resources.Messages.Format("ItemsMatch", method, total));
                }
                foreach (var item in page.Items.Where(Passes))
                {
                    if (written >= wanted) break;
                    WriteObject(item);
                    written++;
                }
                if (noResult || page.Items.Count < pageSize || (page.TotalResults is long all && (long)pageNo * pageSize >= all)) return;
            }
            // One page by default is easy to mistake for every match.
            if (!paged && matched is long count && count > written)
                WriteWarning(Resources.Messages.Format("FindFirstPage", written, count));
        }

        private bool HasSearchFilters => CategoryId != null || Sort != TbkSort.Default || MinPrice > 0 || MaxPrice > 0 || CouponOnly || TmallOnly || MinCommissionRate > 0;

        private TbkMaterialSearch Search() => new TbkMaterialSearch
        {
            Keyword = Keyword, MaterialId = MaterialId, CategoryId = CategoryId, Sort = Sort, MinPrice = MinPrice, MaxPrice = MaxPrice,
            MinCommissionRate = MinCommissionRate, CouponOnly = CouponOnly, TmallOnly = TmallOnly, RelationId = RelationId, SpecialId = SpecialId,
        };

        private bool Passes(TbkItem item)
            => (MinPrice <= 0 || item.FinalPrice >= MinPrice)
               && (MaxPrice <= 0 || item.FinalPrice <= MaxPrice)
               && (MinCommissionRate <= 0 || item.CommissionRate >= MinCommissionRate)
               && (!CouponOnly || item.HasCoupon)
               && (!TmallOnly || item.IsTmall);
    }
}
