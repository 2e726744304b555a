using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>Short links for long Taobao links (长链转短链, taobao.tbk.spread.get), in batches of the API's size.</summary>
    [Cmdlet(VerbsCommon.New, "TbkShortLink", SupportsShouldProcess = true)]
    [OutputType(typeof(TbkShortLink))]
    public sealed class NewTbkShortLinkCommand : TbkCmdlet
    {
        // requests takes at most 20 URLs.
        private const int BatchSize = 20;

        private readonly List<string> _pending = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Url { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (var url in Url.Select(u => u.StartsWith("//", System.StringComparison.Ordinal) ? "https:" + u : u.Trim()))
            {
                if (!ShouldProcess(url, Resources.Messages.Get("CreateShortLinkAction"))) continue;
                _pending.Add(url);
                if (_pending.Count == BatchSize) Flush();
            }
        }

        protected override void OnEnd()
        {
            if (_pending.Count > 0) Flush();
        }

        private void Flush()
        {
            var urls = _pending.ToList();
            _pending.Clear();
            var requests = JsonSerializer.Serialize(urls.Select(u => new Dictionary<string, string> { ["url"] = u }));
            var batch = Fetch(new TopRequest("taobao.tbk.spread.get").With("requests", requests), body => TbkAnswers.ShortLinks(body, urls), string.Join(" ", urls));
            if (batch == null) return;
            // In input order: results and failures each keep it, so merge by URL position.
            var links = new Queue<TbkShortLink>(batch.Results);
            var failures = new Queue<TbkBatchFailure>(batch.Failures);
            foreach (var url in urls)
            {
                if (links.Count > 0 && links.Peek().Url == url) WriteObject(links.Dequeue());
                else if (failures.Count > 0 && failures.Peek().Input == url)
                {
                    var failure = failures.Dequeue();
                    WriteInputError(Resources.Messages.Format("ShortLinkFailed", url, failure.Message), "ShortLinkFailed", ErrorCategory.InvalidArgument, url);
                }
            }
        }
    }
}
