using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>Registered channels or members (私域用户备案信息查询, taobao.tbk.sc.publisher.info.get), every page.</summary>
    [Cmdlet(VerbsCommon.Get, "TbkPublisher")]
    [OutputType(typeof(TbkPublisher))]
    public sealed class GetTbkPublisherCommand : TbkCmdlet
    {
        // page_size allows 1..100.
        private const int PageSize = 100;

        [Parameter(Mandatory = true, Position = 0)]
        public TbkPublisherType Kind { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long RelationId { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long SpecialId { get; set; }

        /// <summary>Your own id of a member, as given to ConvertTo-TbkLink -ExternalId.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ExternalId { get; set; } = null!;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string RelationApp { get; set; } = "common";

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int First { get; set; } = int.MaxValue;

        protected override void OnRecord()
        {
            var written = 0;
            for (var pageNo = 1; written < First; pageNo++)
            {
                var request = TbkApi.PublisherInfo(Kind, RelationApp, pageNo, PageSize, RelationId, SpecialId, ExternalId);
                var kind = Kind;
                var page = Fetch(request, body => TbkAnswers.PublisherPage(body, kind), Kind);
                if (page == null) return;
                foreach (var publisher in page.Publishers)
                {
                    if (written == First) return;
                    WriteObject(publisher);
                    written++;
                }
                if (page.Publishers.Count < PageSize || (long)pageNo * PageSize >= page.TotalCount) return;
            }
        }
    }
}
