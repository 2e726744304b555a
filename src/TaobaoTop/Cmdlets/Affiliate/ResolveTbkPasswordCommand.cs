using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Affiliate;

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

        // Parsing needs no adzone; 万能解析, the fallback for text the local reader cannot read, does.
        private bool _hasAdzone;
        private bool _adzoneUsed;

        protected override void OnBegin() => _hasAdzone = SelectAdzone(required: Convert);

        /// <summary>An adzone the user gave for parsing that no text needed would otherwise be ignored silently.</summary>
        protected override void OnEnd()
        {
            var given = MyInvocation.BoundParameters.ContainsKey(nameof(AdzoneId)) ? "-AdzoneId" : MyInvocation.BoundParameters.ContainsKey(nameof(Pid)) ? "-Pid" : null;
            if (Convert || _adzoneUsed || given is null) return;
            WriteWarning(Resources.Messages.Format("AdzoneNotUsed", given));
        }

        protected override void OnRecord()
        {
            if (!TbkPasswordText.TryFind(Password, out var code))
            {
                ResolveByGeneralParse();
                return;
            }

            // The code in the wrapper every version of the API reads, whatever wrapped it in the share text.
            var request = Convert ? TbkApi.PasswordConvert(code, Adzone(AsServiceProvider), AsServiceProvider, RelationId) : TbkApi.PasswordParse(code);

            var input = Password;
            var resolved = Convert
                ? Fetch(request, body => TbkAnswers.ConvertedPassword(body, input, code), Password, "淘口令 " + Password.Trim())
                : Fetch(request, body => TbkAnswers.ParsedPassword(body, input, code), Password, "淘口令 " + Password.Trim());
            if (resolved != null) WriteObject(resolved);
        }

        /// <summary>Text with no 淘口令 this module can read (a bare code, a new wrapper) goes to 万能解析, which knows every code.</summary>
        private void ResolveByGeneralParse()
        {
            var noCode = Resources.Messages.Format("NoPasswordInTextOpen", Password);
            if (!_hasAdzone)
            {
                WriteInputError(noCode + Resources.Messages.Get("PassAdzoneForParse"), "NoPasswordInText", ErrorCategory.InvalidArgument, Password);
                return;
            }
            _adzoneUsed = true;
            var batch = Attempt(Password, () => ParseLinks(new[] { Password.Trim() }, AsServiceProvider, RelationId));
            if (batch is null) return;
            var link = batch.Results.FirstOrDefault();
            if (link == null)
            {
                var failure = batch.Failures.FirstOrDefault();
                WriteInputError(noCode + Resources.Messages.Format("ParseFailedToo", failure?.Message ?? Resources.Messages.Get("NoAnswerForIt")), "NoPasswordInText", ErrorCategory.InvalidArgument, Password);
                return;
            }
            WriteObject(new TbkResolvedPassword
            {
                Input = Password,
                Password = string.Empty,
                Url = link.OriginUrl ?? link.LongUrl,
                ItemId = link.ItemId,
                SellerId = link.SellerId,
                ClickUrl = link.LongUrl,
                OriginPid = link.OriginPid,
                NewPassword = link.Password,
                ShortUrl = link.ShortUrl,
            });
        }
    }
}
