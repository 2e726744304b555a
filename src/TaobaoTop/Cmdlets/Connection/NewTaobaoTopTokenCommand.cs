using System.Management.Automation;
using TaobaoTop.Base;

namespace TaobaoTop.Cmdlets.Connection
{
    /// <summary>Exchanges an OAuth authorization code (from oauth.taobao.com) for a session and makes it the connection's.</summary>
    [Cmdlet(VerbsCommon.New, "TaobaoTopToken", SupportsShouldProcess = true)]
    [OutputType(typeof(TaobaoToken))]
    public sealed class NewTaobaoTopTokenCommand : TaobaoCmdlet
    {
        /// <summary>The code the authorize page sent to your redirect URI.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string AuthorizationCode { get; set; } = null!;

        protected override void OnEnd()
        {
            var connection = RequireConnection();
            if (!ShouldProcess(connection.ToString(), Resources.Messages.Get("ExchangeCodeAction"))) return;
            var token = Attempt("taobao.top.auth.token.create", () => RunCall((observer, cancel) => connection.Client.CreateTokenAsync(AuthorizationCode, observer, cancel)));
            if (token != null) WriteObject(new TaobaoToken(token));
        }
    }
}
