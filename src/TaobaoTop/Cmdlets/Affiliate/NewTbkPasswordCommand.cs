using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>A 淘口令 for a promotion link (taobao.tbk.tpwd.create; -Private for the encrypted variant).</summary>
    [Cmdlet(VerbsCommon.New, "TbkPassword", SupportsShouldProcess = true)]
    [OutputType(typeof(TbkPassword))]
    public sealed class NewTbkPasswordCommand : TbkCmdlet
    {
        /// <summary>An https promotion link (s.click.taobao.com, uland.taobao.com, m.tb.cn).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Url { get; set; } = null!;

        /// <summary>The words shown with the 淘口令 (the item title when piped from Find-TbkItem / ConvertTo-TbkLink).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Title")]
        public string Text { get; set; } = null!;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Logo { get; set; } = null!;

        /// <summary>An encrypted 淘口令 (taobao.tbk.private.tpwd.create).</summary>
        [Parameter]
        public SwitchParameter Private { get; set; }

        /// <summary>The tool service provider's encrypted variant (taobao.tbk.sc.private.tpwd.create; needs a session); implies -Private.</summary>
        [Parameter]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void OnRecord()
        {
            var isPrivate = Private || AsServiceProvider;
            var method = AsServiceProvider ? "taobao.tbk.sc.private.tpwd.create" : isPrivate ? "taobao.tbk.private.tpwd.create" : "taobao.tbk.tpwd.create";
            var url = Url.StartsWith("//", System.StringComparison.Ordinal) ? "https:" + Url : Url;
            if (!ShouldProcess(url, Resources.Messages.Get("CreatePasswordAction"))) return;
            // A second 淘口令 for the same link is harmless, so a call whose answer was lost may be sent again.
            var request = new TopRequest(method) { IsIdempotent = true }.With("url", url).With("text", string.IsNullOrWhiteSpace(Text) ? null : Text).With("logo", Logo);
            var password = Fetch(request, body => TbkAnswers.Password(body, url, Text, isPrivate), Url);
            if (password != null) WriteObject(password);
        }
    }
}
