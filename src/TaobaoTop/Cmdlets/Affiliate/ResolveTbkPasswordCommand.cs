using System.Management.Automation;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>
    /// Reads a 淘口令 or a whole share text back to its link and item (taobao.tbk.tpwd.parse), or with -Convert
    /// into the caller's own promotion link (淘口令解析&amp;转链, taobao.tbk.tpwd.convert).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Resolve, "TbkPassword", DefaultParameterSetName = ParseSet)]
    [OutputType(typeof(TbkResolvedPassword))]
    public sealed class ResolveTbkPasswordCommand : TbkPromotionCmdlet
    {
        private const string ParseSet = "Parse";
        private const string ConvertSet = "Convert";

        /// <summary>A 淘口令 (￥…￥, ¥…¥ or a look-alike) or a share text that contains one.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ShareText", "Text")]
        [ValidateNotNullOrEmpty]
        public string Password { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = ConvertSet)]
        public SwitchParameter Convert { get; set; }

        [Parameter(ParameterSetName = ConvertSet)]
        [ValidateRange(1, long.MaxValue)]
        public long RelationId { get; set; }

        /// <summary>Calls taobao.tbk.sc.tpwd.convert (tool service providers; needs -Pid and a session).</summary>
        [Parameter(ParameterSetName = ConvertSet)]
        public SwitchParameter AsServiceProvider { get; set; }

        protected override void BeginProcessing()
        {
            // Parsing needs no adzone.
            if (Convert) base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (!TbkPasswordText.TryFind(Password, out var code))
            {
                WriteInputError($"'{Password}' has no 淘口令: expected 8-14 letters and digits between ￥ or ¥ (or a look-alike such as € or ( )).", "NoPasswordInText", ErrorCategory.InvalidArgument, Password);
                return;
            }

            TopRequest request;
            if (Convert)
            {
                request = WithAdzone(new TopRequest(AsServiceProvider ? "taobao.tbk.sc.tpwd.convert" : "taobao.tbk.tpwd.convert"), AsServiceProvider);
                if (RelationId > 0) request.With("relation_id", RelationId);
            }
            else
            {
                request = new TopRequest("taobao.tbk.tpwd.parse");
            }
            request.With("password_content", Password.Trim());

            var response = TryCall(request, Password, "淘口令 " + Password.Trim());
            if (response == null) return;
            var input = Password;
            var resolved = Convert
                ? Read(response, body => TbkAnswers.ConvertedPassword(body, input, code), Password)
                : Read(response, body => TbkAnswers.ParsedPassword(body, input, code), Password);
            if (resolved != null) WriteObject(resolved);
        }
    }
}
