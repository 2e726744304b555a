using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// 万能解析: any text — a 淘口令 in any wrapper, a short link, an item, shop or activity link — read to what it
    /// points to, as the caller's own links (taobao.tbk.dg.general.link.parse; -AsServiceProvider for the sc version).
    /// Texts go in batches of 20; each one the API cannot read is one error naming it.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Resolve, "TbkLink")]
    [OutputType(typeof(TbkLink))]
    public sealed class ResolveTbkLinkCommand : TbkPromotionCmdlet
    {
        // material_dto takes at most 20 entries.
        private const int BatchSize = 20;

        private readonly List<string> _pending = new List<string>();

        /// <summary>Share texts, 淘口令 or links, as pasted.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ShareText", "Url", "Text")]
        [ValidateNotNullOrEmpty]
        public string[] InputObject { get; set; } = null!;

        /// <summary>渠道关系ID of a registered channel, so the links returned carry it.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long RelationId { get; set; }

        /// <summary>Calls taobao.tbk.sc.general.link.parse (tool service providers; needs -Pid and a session).</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            foreach (var text in InputObject)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    WriteInputError(Resources.Messages.Get("EmptyText"), "EmptyText", ErrorCategory.InvalidArgument, text);
                    continue;
                }
                _pending.Add(text.Trim());
                if (_pending.Count == BatchSize) Flush();
            }
        }

        protected override void OnEnd()
        {
            if (_pending.Count > 0) Flush();
        }

        private void Flush()
        {
            var pending = _pending.ToList();
            _pending.Clear();
            var batch = AttemptBatch(pending, () => ParseLinks(pending.Distinct().ToList(), AsServiceProvider, RelationId));
            if (batch is null) return;
            foreach (var text in pending)
            {
                var link = batch.Results.FirstOrDefault(l => l.Input == text);
                if (link != null)
                {
                    WriteObject(link);
                    continue;
                }
                var failure = batch.Failures.FirstOrDefault(f => f.Input == text);
                WriteInputError(
                    Resources.Messages.Format("LinkNotParsed", text, failure?.Message ?? Resources.Messages.Get("NoEntryInAnswer")),
                    "LinkNotParsed" + (failure?.Code is string code ? ":" + code : string.Empty),
                    ErrorCategory.InvalidResult,
                    text);
            }
        }
    }
}
